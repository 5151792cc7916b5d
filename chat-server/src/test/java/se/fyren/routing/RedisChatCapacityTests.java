package se.fyren.routing;

import org.junit.jupiter.api.AfterAll;

import se.fyren.system.RedisKeys;
import se.fyren.testsupport.RedisTestStore;

/**
 * {@link ChatCapacityContract} on Redis, the second node with a Redis
 * connection of its own, as two Fyren nodes have.
 */
class RedisChatCapacityTests extends ChatCapacityContract {

	static final RedisTestStore nodeA = new RedisTestStore();

	static final RedisTestStore nodeB = new RedisTestStore();

	private RedisKeys keys;

	@AfterAll
	static void cleanUp() {
		nodeA.close();
		nodeB.close();
	}

	@Override
	protected ChatCapacity createCapacity() {
		this.keys = nodeA.freshKeys();
		return new RedisChatCapacity(nodeA.template(), this.keys);
	}

	@Override
	protected ChatCapacity sameStoreAgain() {
		return new RedisChatCapacity(nodeB.template(), this.keys);
	}

}
