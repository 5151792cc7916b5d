package se.fyren.routing;

import org.junit.jupiter.api.AfterAll;

import se.fyren.testsupport.RedisTestStore;

class RedisVisitorActivityTests extends VisitorActivityContract {

	static final RedisTestStore store = new RedisTestStore();

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	@Override
	protected VisitorActivity createActivity() {
		return new RedisVisitorActivity(store.template(), store.freshKeys());
	}

}
