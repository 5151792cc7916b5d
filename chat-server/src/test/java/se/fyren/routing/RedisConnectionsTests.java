package se.fyren.routing;

import org.junit.jupiter.api.AfterAll;

import se.fyren.testsupport.RedisTestStore;

class RedisConnectionsTests extends ConnectionsContract {

	static final RedisTestStore store = new RedisTestStore();

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	@Override
	protected Connections createConnections() {
		return new RedisConnections(store.template(), store.freshKeys());
	}

}
