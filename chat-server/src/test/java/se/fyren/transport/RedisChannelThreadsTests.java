package se.fyren.transport;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.fyren.testsupport.RedisTestStore;

/**
 * {@link ChannelThreadsTests} in cluster mode, where Redis pub/sub has a
 * dispatch thread of its own that must not carry the client channels.
 */
class RedisChannelThreadsTests extends ChannelThreadsTests {

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
