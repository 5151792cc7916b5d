package se.fyren.conversation;

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

import se.fyren.system.ErrorCode;
import se.fyren.system.FyrenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every {@link ChatStore} must do; one subclass per implementation.
 */
abstract class ChatStoreContract {

	static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

	ChatStore chats;

	protected abstract ChatStore createStore();

	@BeforeEach
	void setUpStore() {
		this.chats = createStore();
	}

	@Test
	void findsAChatAndTheVisitorsLatest() {
		Chat first = Chat.waiting("c1", "v1", "youth", "15-17", "sv", T0);
		this.chats.create(first);
		assertThat(this.chats.find("c1")).contains(first);
		this.chats.update("c1", (chat) -> chat.endedBy(Party.VISITOR, T0.plusSeconds(4)));
		Chat second = Chat.waiting("c2", "v1", "youth", null, null, T0.plusSeconds(5));
		assertThat(this.chats.create(second)).isTrue();
		assertThat(this.chats.latestOfVisitor("v1")).contains(second);
		assertThat(this.chats.latestOfVisitor("v2")).isEmpty();
	}

	@Test
	void findsManyChatsAtOnceInTheOrderAskedSkippingUnknownIds() {
		Chat first = Chat.waiting("c1", "v1", "youth", null, null, T0);
		Chat second = Chat.waiting("c2", "v2", "relatives", null, null, T0.plusSeconds(1));
		this.chats.create(first);
		this.chats.create(second);
		assertThat(this.chats.findAll(List.of("c2", "unknown", "c1"))).containsExactly(second, first);
		assertThat(this.chats.findAll(List.of())).isEmpty();
	}

	@Test
	void aVisitorWhoseLatestChatIsOpenGetsNoOther() {
		assertThat(this.chats.create(Chat.waiting("c1", "v1", "youth", null, null, T0))).isTrue();
		assertThat(this.chats.create(Chat.waiting("c2", "v1", "relatives", null, null, T0))).isFalse();
		assertThat(this.chats.find("c2")).isEmpty();
		assertThat(this.chats.latestOfVisitor("v1")).map(Chat::id).contains("c1");
		this.chats.update("c1", (chat) -> chat.assignedTo("anna", "Anna", T0.plusSeconds(60)));
		assertThat(this.chats.create(Chat.waiting("c3", "v1", "youth", null, null, T0))).as("while active").isFalse();
	}

	@Test
	void aVisitorJoiningManyTimesAtOnceGetsExactlyOneChat() throws InterruptedException {
		List<ChatStore> nodes = List.of(this.chats, otherNode());
		Set<String> created = ConcurrentHashMap.newKeySet();
		ExecutorService joins = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		for (int i = 0; i < 16; i++) {
			String id = "c" + i;
			ChatStore node = nodes.get(i % 2);
			joins.submit(() -> {
				start.await();
				if (node.create(Chat.waiting(id, "v1", "youth", null, null, T0))) {
					created.add(id);
				}
				return null;
			});
		}
		start.countDown();
		joins.shutdown();
		assertThat(joins.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		assertThat(created).hasSize(1);
		String winner = created.iterator().next();
		assertThat(this.chats.latestOfVisitor("v1")).map(Chat::id).contains(winner);
		for (int i = 0; i < 16; i++) {
			String id = "c" + i;
			assertThat(this.chats.find(id).isPresent()).as(id).isEqualTo(id.equals(winner));
		}
	}

	/** The same store as another node sees it; the store itself where there is only one node. */
	protected ChatStore otherNode() {
		return this.chats;
	}

	@Test
	void updateAppliesTheChangeAndStoresIt() {
		this.chats.create(Chat.waiting("c1", "v1", "youth", null, null, T0));
		Chat assigned = this.chats.update("c1", (chat) -> chat.assignedTo("anna", "Anna", T0.plusSeconds(60))).orElseThrow();
		assertThat(assigned.status()).isEqualTo(Chat.Status.ACTIVE);
		assertThat(this.chats.find("c1")).contains(assigned);
		assertThat(this.chats.activeOf("anna")).containsExactly(assigned);
		assertThat(this.chats.update("missing", (chat) -> chat)).isEmpty();
	}

	@Test
	void aRefusedUpdateStoresNothing() {
		Chat waiting = Chat.waiting("c1", "v1", "youth", null, null, T0);
		this.chats.create(waiting);
		assertThatExceptionOfType(FyrenException.class).isThrownBy(() -> this.chats.update("c1", (chat) -> {
			throw new FyrenException(ErrorCode.CHAT_ENDED, "no");
		}));
		assertThat(this.chats.find("c1")).contains(waiting);
	}

	@Test
	void endedChatsAreFoundByAgeAndCanBeDeleted() {
		this.chats.create(Chat.waiting("old", "v1", "youth", null, null, T0));
		this.chats.create(Chat.waiting("new", "v2", "youth", null, null, T0));
		this.chats.create(Chat.waiting("open", "v3", "youth", null, null, T0));
		this.chats.update("old", (chat) -> chat.endedBy(Party.VISITOR, T0.plusSeconds(10)));
		this.chats.update("new", (chat) -> chat.endedBy(Party.VISITOR, T0.plusSeconds(100)));

		assertThat(this.chats.endedBefore(T0.plusSeconds(50))).containsExactly("old");
		this.chats.delete("old");
		assertThat(this.chats.find("old")).isEmpty();
		assertThat(this.chats.latestOfVisitor("v1")).isEmpty();
		assertThat(this.chats.find("new")).isPresent();
	}

}
