package se.fyren.statistics;

class InMemoryDailyCountsTests extends DailyCountsContract {

	@Override
	protected DailyCounts createCounts() {
		return new InMemoryDailyCounts();
	}

}
