package se.fyren.routing;

import org.junit.jupiter.api.AfterAll;

import se.fyren.system.RedisKeys;
import se.fyren.testsupport.RedisTestStore;

class RedisChatCapacityTests extends ChatCapacityContract {

	static final RedisTestStore store = new RedisTestStore();

	private RedisKeys keys;

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	@Override
	protected ChatCapacity createCapacity() {
		this.keys = store.freshKeys();
		return new RedisChatCapacity(store.template(), this.keys);
	}

	/** A second node: its own instance, the same keys. */
	@Override
	protected ChatCapacity sameStoreAgain() {
		return new RedisChatCapacity(store.template(), this.keys);
	}

}
