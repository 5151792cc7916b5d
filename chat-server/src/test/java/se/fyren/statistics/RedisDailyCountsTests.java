package se.fyren.statistics;

import org.junit.jupiter.api.AfterAll;

import se.fyren.testsupport.RedisTestStore;

class RedisDailyCountsTests extends DailyCountsContract {

	static final RedisTestStore store = new RedisTestStore();

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	@Override
	protected DailyCounts createCounts() {
		return new RedisDailyCounts(store.template(), store.freshKeys(), java.time.Duration.ofDays(800));
	}

}
