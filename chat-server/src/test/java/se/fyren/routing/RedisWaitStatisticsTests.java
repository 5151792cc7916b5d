package se.fyren.routing;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import se.fyren.testsupport.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;

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

	@Test
	void handlingTimesAreWrittenWithTheirExpiry() {
		createStatistics().recordHandling("youth", Duration.ofMinutes(12));
		assertThat(store.keys()).isNotEmpty()
			.allSatisfy((key) -> assertThat(store.template().getExpire(key)).as(key).isPositive());
	}

}
