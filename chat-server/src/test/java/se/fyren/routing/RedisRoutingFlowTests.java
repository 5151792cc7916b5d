package se.fyren.routing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.fyren.testsupport.RedisTestStore;

/**
 * {@link RoutingFlowTests} in cluster mode: automatic offers, timeouts, picks by hand, capacity and separation, with every store in Redis.
 */
class RedisRoutingFlowTests extends RoutingFlowTests {

	static final RedisTestStore store = new RedisTestStore();

	@DynamicPropertySource
	static void clusterMode(DynamicPropertyRegistry registry) {
		store.register(registry);
	}

	/** Each test gets a fresh node and starts from an empty store, as in memory. */
	@BeforeEach
	void emptyStore() {
		store.clear();
	}

	@AfterAll
	static void removeKeys() {
		store.close();
	}

}
