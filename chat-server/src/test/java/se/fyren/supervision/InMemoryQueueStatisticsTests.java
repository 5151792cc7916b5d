package se.fyren.supervision;

class InMemoryQueueStatisticsTests extends QueueStatisticsContract {

	@Override
	QueueStatistics create() {
		return new InMemoryQueueStatistics();
	}

}
