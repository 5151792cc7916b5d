package se.fyren.handover;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.fyren.testsupport.RedisTestStore;

/**
 * {@link VisitorDataLifetimeTests} in cluster mode: every Redis key and value
 * under the test's prefix is scanned as well.
 */
class RedisVisitorDataLifetimeTests extends VisitorDataLifetimeTests {

	static final RedisTestStore store = new RedisTestStore();

	@DynamicPropertySource
	static void clusterMode(DynamicPropertyRegistry registry) {
		store.register(registry);
	}

	@AfterAll
	static void removeKeys() {
		store.close();
	}

	@Override
	protected List<String> storedOutside() {
		// The audit log too: with fyren.retention.audit-log as short as the rest, its chat ids go as well.
		return store.keys().stream().map((key) -> key + " = " + store.valueOf(key)).toList();
	}

}
