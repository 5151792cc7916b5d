package se.fyren.system;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.fyren.testsupport.RedisTestStore;

/**
 * {@link LogPrivacyTests} in cluster mode, where more code (Redis, pub/sub,
 * encryption) could log what it must not.
 */
class RedisLogPrivacyTests extends LogPrivacyTests {

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
