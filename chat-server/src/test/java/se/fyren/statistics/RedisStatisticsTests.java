package se.fyren.statistics;

import org.junit.jupiter.api.AfterAll;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.fyren.testsupport.RedisTestStore;

/**
 * {@link StatisticsTests} in cluster mode.
 */
@Import(StatisticsTests.Clocks.class)
class RedisStatisticsTests extends StatisticsTests {

	static final RedisTestStore store = new RedisTestStore();

	@DynamicPropertySource
	static void clusterMode(DynamicPropertyRegistry registry) {
		store.register(registry);
	}

	@AfterAll
	static void removeKeys() {
		store.close();
	}

}
