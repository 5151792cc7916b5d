package se.fyren.ratelimit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.fyren.testsupport.RedisTestStore;
import se.fyren.testsupport.RunningFyren;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate-limit buckets live under Fyren's key prefix like every other key, so
 * two installations sharing a Redis never spend each other's budgets.
 */
class RedisRateLimitKeyPrefixTests extends RunningFyren {

	static final RedisTestStore store = new RedisTestStore();

	@DynamicPropertySource
	static void clusterMode(DynamicPropertyRegistry registry) {
		store.register(registry);
	}

	@AfterAll
	static void removeKeys() {
		store.close();
	}

	@Autowired
	RateLimitProperties properties;

	@Test
	void bucketKeysStartWithFyrensKeyPrefix() {
		assertThat(this.properties.redisKeyPrefix()).isEqualTo(store.prefix() + "rl:");
	}

}
