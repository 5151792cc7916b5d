package se.fyren.routing;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ChatCapacity} must do; one subclass per implementation.
 */
abstract class ChatCapacityContract {

	static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	ChatCapacity capacity;

	/** A fresh, empty store. */
	protected abstract ChatCapacity createCapacity();

	/** Another view of the store {@link #createCapacity()} made last, as another node has. */
	protected abstract ChatCapacity sameStoreAgain();

	@BeforeEach
	void setUpCapacity() {
		this.capacity = createCapacity();
	}

	@Test
	void aCounsellorGetsNoMorePlacesThanTheirCapacity() {
		assertThat(this.capacity.reserve("anna", "c1", 2, NOW)).isTrue();
		assertThat(this.capacity.reserve("anna", "c2", 2, NOW)).isTrue();
		assertThat(this.capacity.reserve("anna", "c3", 2, NOW)).isFalse();
		assertThat(this.capacity.reserve("bo", "c3", 2, NOW)).isTrue();
		assertThat(this.capacity.held("anna")).containsOnlyKeys("c1", "c2");
	}

	@Test
	void aChatThatHoldsAPlaceKeepsItAndIsRefreshed() {
		this.capacity.reserve("anna", "c1", 1, NOW);
		assertThat(this.capacity.reserve("anna", "c1", 1, NOW.plusSeconds(30))).isTrue();
		assertThat(this.capacity.held("anna")).containsEntry("c1", NOW.plusSeconds(30));
	}

	@Test
	void aPlaceIsFreeOnlyOnceItsLastHoldIsReleased() {
		// An offer holds the place, an accept too while the offer turns into the chat.
		this.capacity.reserve("anna", "c1", 1, NOW);
		this.capacity.reserve("anna", "c1", 1, NOW);
		this.capacity.release("anna", "c1");
		assertThat(this.capacity.reserve("anna", "c2", 1, NOW)).isFalse();
		assertThat(this.capacity.held("anna")).containsOnlyKeys("c1");
		this.capacity.release("anna", "c1");
		assertThat(this.capacity.reserve("anna", "c2", 1, NOW)).isTrue();
	}

	@Test
	void aReleasedPlaceIsFreeAgain() {
		this.capacity.reserve("anna", "c1", 1, NOW);
		this.capacity.release("anna", "c1");
		this.capacity.release("anna", "never-held");
		assertThat(this.capacity.held("anna")).isEmpty();
		assertThat(this.capacity.reserve("anna", "c2", 1, NOW)).isTrue();
	}

	@Test
	void onlyAPlaceReservedBeforeTheCutoffIsReleasedAsStale() {
		this.capacity.reserve("anna", "old", 2, NOW);
		this.capacity.reserve("anna", "old", 2, NOW);
		this.capacity.reserve("anna", "fresh", 2, NOW.plusSeconds(90));
		this.capacity.releaseIfReservedBefore("anna", "old", NOW.plusSeconds(60));
		this.capacity.releaseIfReservedBefore("anna", "fresh", NOW.plusSeconds(60));
		assertThat(this.capacity.held("anna")).containsOnlyKeys("fresh");
	}

	@Test
	void nodesFillingOneCounsellorAtOnceNeverExceedTheirCapacity() throws InterruptedException {
		List<ChatCapacity> nodes = List.of(this.capacity, sameStoreAgain());
		Set<String> reserved = ConcurrentHashMap.newKeySet();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		for (int thread = 0; thread < 8; thread++) {
			ChatCapacity node = nodes.get(thread % 2);
			int first = thread * 10;
			pool.submit(() -> {
				start.await();
				for (int chat = first; chat < first + 10; chat++) {
					if (node.reserve("anna", "chat-" + chat, 3, NOW)) {
						reserved.add("chat-" + chat);
					}
				}
				return null;
			});
		}
		start.countDown();
		pool.shutdown();
		assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		assertThat(reserved).hasSize(3);
		assertThat(this.capacity.held("anna").keySet()).isEqualTo(reserved);
	}

}
