package se.fyren.routing;

class InMemoryWaitStatisticsTests extends WaitStatisticsContract {

	@Override
	protected WaitStatistics createStatistics() {
		return new InMemoryWaitStatistics();
	}

}
