package se.fyren.supervision;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import se.fyren.testsupport.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;

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

	@Test
	void everyKeyIsWrittenWithItsExpiry() {
		QueueStatistics statistics = create();
		statistics.arrived("youth", NINE);
		statistics.answered("youth", NINE, Duration.ofSeconds(40));
		statistics.staffed("youth", NINE, 3);
		statistics.outcome("youth", NINE, "support");
		assertThat(store.keys()).isNotEmpty()
			.allSatisfy((key) -> assertThat(store.template().getExpire(key)).as(key).isPositive());
	}

}
