package se.fyren.routing;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link Offers} must do; one subclass per implementation.
 */
abstract class OffersContract {

	static final Instant LATER = Instant.parse("2026-03-02T09:00:30Z");

	Offers offers;

	protected abstract Offers createOffers();

	@BeforeEach
	void setUpOffers() {
		this.offers = createOffers();
	}

	@Test
	void aChatHasAtMostOneOffer() {
		assertThat(this.offers.place(new PendingOffer("c1", "anna", "q", LATER))).isTrue();
		assertThat(this.offers.place(new PendingOffer("c1", "bo", "q", LATER))).isFalse();
		assertThat(this.offers.find("c1")).contains(new PendingOffer("c1", "anna", "q", LATER));
		assertThat(this.offers.all()).hasSize(1);
	}

	@Test
	void onlyTheCounsellorOfferedCanWithdrawIt() {
		this.offers.place(new PendingOffer("c1", "anna", "q", LATER));
		assertThat(this.offers.withdraw("c1", "bo")).isFalse();
		assertThat(this.offers.withdraw("c1", "anna")).isTrue();
		assertThat(this.offers.withdraw("c1", "anna")).isFalse();
		assertThat(this.offers.find("c1")).isEmpty();
		assertThat(this.offers.place(new PendingOffer("c1", "bo", "q", LATER))).isTrue();
	}

	@Test
	void declinesAreRememberedUntilTheChatIsForgotten() {
		this.offers.declined("c1", "anna");
		this.offers.declined("c1", "bo");
		this.offers.declined("c2", "anna");
		assertThat(this.offers.declinedBy("c1")).containsExactlyInAnyOrder("anna", "bo");
		this.offers.place(new PendingOffer("c1", "cecilia", "q", LATER));
		this.offers.forget("c1");
		assertThat(this.offers.declinedBy("c1")).isEmpty();
		assertThat(this.offers.find("c1")).isEmpty();
		assertThat(this.offers.declinedBy("c2")).containsExactly("anna");
	}

	@Test
	void concurrentPlacersAndWithdrawersHaveOneWinnerEach() throws InterruptedException {
		Set<String> placedBy = ConcurrentHashMap.newKeySet();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		for (String name : List.of("a", "b", "c", "d", "e", "f", "g", "h")) {
			pool.submit(() -> {
				if (this.offers.place(new PendingOffer("contested", name, "q", LATER))) {
					placedBy.add(name);
				}
			});
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		assertThat(placedBy).hasSize(1);
		String winner = placedBy.iterator().next();
		assertThat(this.offers.find("contested")).map(PendingOffer::username).contains(winner);
	}

}
