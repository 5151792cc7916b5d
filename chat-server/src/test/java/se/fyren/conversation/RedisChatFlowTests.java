package se.fyren.conversation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.fyren.testsupport.RedisTestStore;

/**
 * {@link ChatFlowTests} on one node in cluster mode.
 */
class RedisChatFlowTests extends ChatFlowTests {

	static final RedisTestStore store = new RedisTestStore();

	@DynamicPropertySource
	static void clusterMode(DynamicPropertyRegistry registry) {
		store.register(registry);
	}

	/** Each test gets a fresh node (see ChatFlowTests) and starts from an empty store, as in memory. */
	@BeforeEach
	void emptyStore() {
		store.clear();
	}

	@AfterAll
	static void removeKeys() {
		store.close();
	}

}
