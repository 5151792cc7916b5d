package se.fyren.statistics;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import se.fyren.testsupport.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;

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

	@Test
	void everyDayIsWrittenWithItsExpiry() {
		createCounts().add(DAY, "youth", "outcome", "support", 120);
		assertThat(store.keys()).isNotEmpty()
			.allSatisfy((key) -> assertThat(store.template().getExpire(key)).as(key).isPositive());
	}

}
