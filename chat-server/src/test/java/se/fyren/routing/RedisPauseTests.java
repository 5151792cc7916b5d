package se.fyren.routing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.fyren.testsupport.RedisTestStore;

/**
 * {@link PauseTests} on one node in cluster mode.
 */
class RedisPauseTests extends PauseTests {

	static final RedisTestStore store = new RedisTestStore();

	@DynamicPropertySource
	static void clusterMode(DynamicPropertyRegistry registry) {
		store.register(registry);
	}

	@BeforeEach
	void emptyStore() {
		store.clear();
	}

	@AfterAll
	static void removeKeys() {
		store.close();
	}

}
