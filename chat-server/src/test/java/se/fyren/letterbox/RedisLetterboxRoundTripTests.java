package se.fyren.letterbox;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.fyren.testsupport.RedisTestStore;

/**
 * {@link LetterboxTests} in cluster mode: the letterbox round trip with
 * letters, codes and answers in Redis.
 */
class RedisLetterboxRoundTripTests extends LetterboxTests {

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
