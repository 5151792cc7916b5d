package se.fyren.routing;

import org.junit.jupiter.api.AfterAll;

import se.fyren.testsupport.RedisTestStore;

class RedisCounsellorAvailabilityTests extends CounsellorAvailabilityContract {

	static final RedisTestStore store = new RedisTestStore();

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	@Override
	protected CounsellorAvailability createAvailability() {
		return new RedisCounsellorAvailability(store.template(), store.freshKeys());
	}

}
