package se.fyren.routing;

import org.junit.jupiter.api.AfterAll;

import se.fyren.testsupport.RedisTestStore;

class RedisWaitStatisticsTests extends WaitStatisticsContract {

	static final RedisTestStore store = new RedisTestStore();

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	@Override
	protected WaitStatistics createStatistics() {
		return new RedisWaitStatistics(store.template(), store.freshKeys());
	}

}
