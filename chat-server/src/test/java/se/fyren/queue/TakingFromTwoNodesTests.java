package se.fyren.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.constraints.IntRange;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.conversation.Party;
import se.fyren.system.RedisKeys;
import se.fyren.testsupport.RedisStores;
import se.fyren.testsupport.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counsellors on two nodes (two Redis connections) take from one queue at
 * once while some visitors leave: whatever the numbers, each chat is taken
 * exactly once or left, never both, never twice, never forgotten.
 */
class TakingFromTwoNodesTests {

	static final RedisTestStore nodeA = new RedisTestStore();

	static final RedisTestStore nodeB = new RedisTestStore();

	@AfterContainer
	static void cleanUp() {
		nodeA.close();
		nodeB.close();
	}

	@Property(tries = 25)
	void eachChatIsTakenExactlyOnceOrLeft(@ForAll @IntRange(min = 1, max = 40) int chats,
			@ForAll @IntRange(min = 2, max = 8) int counsellors, @ForAll @IntRange(min = 0, max = 10) int leaving)
			throws InterruptedException {
		RedisKeys keys = nodeA.freshKeys();
		Instant now = Instant.parse("2026-05-01T12:00:00Z");
		Node a = new Node(nodeA.template(), keys, Clock.fixed(now, ZoneOffset.UTC));
		Node b = new Node(nodeB.template(), keys, Clock.fixed(now, ZoneOffset.UTC));
		List<String> ids = IntStream.range(0, chats).mapToObj((i) -> "chat-" + i).toList();
		for (String id : ids) {
			a.chats.create(Chat.waiting(id, "visitor-" + id, "youth", null, null, now));
			a.queue.add("youth", id);
		}
		Map<String, String> takenBy = new ConcurrentHashMap<>();
		List<String> doubles = new CopyOnWriteArrayList<>();
		List<String> left = new CopyOnWriteArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(counsellors + 1);
		CountDownLatch start = new CountDownLatch(1);
		for (int c = 0; c < counsellors; c++) {
			Node node = (c % 2 == 0) ? a : b;
			String name = "counsellor-" + c;
			pool.submit(() -> {
				start.await();
				for (String id = node.queue.pollFirst("youth").orElse(null); id != null; id = node.queue
					.pollFirst("youth")
					.orElse(null)) {
					boolean mine = node.chats
						.update(id, (chat) -> (chat.status() == Chat.Status.WAITING) ? chat.assignedTo(name, name, now) : chat)
						.filter((chat) -> name.equals(chat.counsellor()))
						.isPresent();
					if (mine && takenBy.putIfAbsent(id, name) != null) {
						doubles.add(id);
					}
				}
				return null;
			});
		}
		pool.submit(() -> {
			start.await();
			for (int i = 0; i < Math.min(leaving, chats); i++) {
				String id = ids.get(chats - 1 - i);
				boolean ended = b.chats
					.update(id, (chat) -> (chat.status() == Chat.Status.WAITING) ? chat.endedBy(Party.VISITOR, now) : chat)
					.filter((chat) -> chat.status() == Chat.Status.ENDED)
					.isPresent();
				if (ended) {
					b.queue.remove("youth", id);
					left.add(id);
				}
			}
			return null;
		});
		start.countDown();
		pool.shutdown();
		assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

		assertThat(doubles).isEmpty();
		assertThat(left).allSatisfy((id) -> assertThat(takenBy).doesNotContainKey(id));
		assertThat(takenBy.size() + left.size()).isEqualTo(chats);
		for (String id : ids) {
			Chat stored = a.chats.find(id).orElseThrow();
			if (takenBy.containsKey(id)) {
				assertThat(stored.status()).isEqualTo(Chat.Status.ACTIVE);
				assertThat(stored.counsellor()).isEqualTo(takenBy.get(id));
			}
			else {
				assertThat(stored.status()).isEqualTo(Chat.Status.ENDED);
			}
		}
		assertThat(a.queue.waiting("youth")).isEmpty();
	}

	private static final class Node {

		final WaitingQueue queue;

		final ChatStore chats;

		Node(StringRedisTemplate redis, RedisKeys keys, Clock clock) {
			this.queue = new RedisWaitingQueue(redis, keys, Duration.ofHours(1));
			this.chats = RedisStores.chatStore(redis, keys, clock);
		}

	}

}
