package se.fyren.routing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import se.fyren.testsupport.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;

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

	@Test
	void offersAreWrittenWithTheirExpiry() {
		Offers offers = createOffers();
		offers.place(new PendingOffer("c1", "anna", "youth", LATER));
		offers.declined("c1", "bo");
		assertThat(store.keys()).isNotEmpty()
			.allSatisfy((key) -> assertThat(store.template().getExpire(key)).as(key).isPositive());
	}

}
