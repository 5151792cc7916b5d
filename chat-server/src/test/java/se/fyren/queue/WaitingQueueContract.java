package se.fyren.queue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link WaitingQueue} must do; one subclass per implementation.
 */
abstract class WaitingQueueContract {

	WaitingQueue queue;

	protected abstract WaitingQueue createQueue();

	@BeforeEach
	void setUpQueue() {
		this.queue = createQueue();
	}

	@Test
	void servesFirstComeFirstServed() {
		this.queue.add("q", "a");
		this.queue.add("q", "b");
		this.queue.add("q", "c");
		assertThat(this.queue.waiting("q")).containsExactly("a", "b", "c");
		assertThat(this.queue.pollFirst("q")).contains("a");
		assertThat(this.queue.waiting("q")).containsExactly("b", "c");
	}

	@Test
	void addingTwiceKeepsTheFirstPlace() {
		this.queue.add("q", "a");
		this.queue.add("q", "b");
		this.queue.add("q", "a");
		assertThat(this.queue.waiting("q")).containsExactly("a", "b");
	}

	@Test
	void removeTakesAChatOutFromAnywhere() {
		this.queue.add("q", "a");
		this.queue.add("q", "b");
		this.queue.add("q", "c");
		assertThat(this.queue.remove("q", "b")).isTrue();
		assertThat(this.queue.remove("q", "b")).isFalse();
		assertThat(this.queue.waiting("q")).containsExactly("a", "c");
	}

	@Test
	void queuesAreSeparate() {
		this.queue.add("sells-sex", "a");
		this.queue.add("buys-sex", "b");
		assertThat(this.queue.pollFirst("buys-sex")).contains("b");
		assertThat(this.queue.pollFirst("buys-sex")).isEmpty();
		assertThat(this.queue.waiting("sells-sex")).containsExactly("a");
	}

	@Test
	void anEmptyQueueGivesNothing() {
		assertThat(this.queue.pollFirst("never-used")).isEmpty();
		assertThat(this.queue.waiting("never-used")).isEmpty();
	}

	@Test
	void concurrentTakersNeverGetTheSameChat() throws InterruptedException {
		List<String> chats = IntStream.range(0, 500).mapToObj((i) -> "chat-" + i).toList();
		chats.forEach((chat) -> this.queue.add("q", chat));
		Set<String> taken = ConcurrentHashMap.newKeySet();
		List<String> duplicates = new java.util.concurrent.CopyOnWriteArrayList<>();
		ExecutorService takers = Executors.newFixedThreadPool(8);
		for (int t = 0; t < 8; t++) {
			takers.submit(() -> {
				while (true) {
					String chat = this.queue.pollFirst("q").orElse(null);
					if (chat == null) {
						return;
					}
					if (!taken.add(chat)) {
						duplicates.add(chat);
					}
				}
			});
		}
		takers.shutdown();
		assertThat(takers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		assertThat(duplicates).isEmpty();
		assertThat(taken).containsExactlyInAnyOrderElementsOf(chats);
	}

}
