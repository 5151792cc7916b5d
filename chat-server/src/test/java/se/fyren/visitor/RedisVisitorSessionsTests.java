package se.fyren.visitor;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;

import se.fyren.testsupport.RedisTestStore;

class RedisVisitorSessionsTests extends VisitorSessionsContract {

	static final RedisTestStore store = new RedisTestStore();

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	@Override
	protected VisitorSessions createSessions() {
		return new RedisVisitorSessions(store.template(), store.freshKeys(), Duration.ofHours(12));
	}

}
