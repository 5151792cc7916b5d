package se.fyren.routing;

import org.junit.jupiter.api.AfterAll;

import se.fyren.testsupport.RedisTestStore;

class RedisOffersTests extends OffersContract {

	static final RedisTestStore store = new RedisTestStore();

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	@Override
	protected Offers createOffers() {
		return new RedisOffers(store.template(), store.freshKeys());
	}

}
