package se.fyren.survey;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.fyren.testsupport.RedisTestStore;

/**
 * {@link SurveyFlowTests} on one node in cluster mode.
 */
class RedisSurveyFlowTests extends SurveyFlowTests {

	static final RedisTestStore store = new RedisTestStore();

	@DynamicPropertySource
	static void clusterMode(DynamicPropertyRegistry registry) {
		store.register(registry);
	}

	/** Each test gets a fresh node (see SurveyFlowTests) and starts from an empty store, as in memory. */
	@BeforeEach
	void emptyStore() {
		store.clear();
	}

	@AfterAll
	static void removeKeys() {
		store.close();
	}

}
