package se.fyren.supervision;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;

import se.fyren.testsupport.RedisTestStore;

class RedisQueueStatisticsTests extends QueueStatisticsContract {

	static final RedisTestStore store = new RedisTestStore();

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	@Override
	QueueStatistics create() {
		return new RedisQueueStatistics(store.template(), store.freshKeys(), new SupervisionProperties(
				java.time.ZoneId.of("Europe/Stockholm"), Duration.ofMinutes(2), Map.of(), Duration.ofSeconds(5),
				Duration.ofMinutes(1), 400));
	}

}
