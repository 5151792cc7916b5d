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
		// The audit log keeps staff actions by opaque chat id for its own, longer retention
		// (fyren.retention.audit-log), by design; an entry has no field for visitor text, contact or address.
		return store.keys()
			.stream()
			.filter((key) -> !key.equals(store.prefix() + "audit"))
			.map((key) -> key + " = " + store.valueOf(key))
			.toList();
	}

}
