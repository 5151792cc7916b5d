package se.fyren.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import se.fyren.testsupport.MutableClock;
import se.fyren.testsupport.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;

class RedisChatStoreTests extends ChatStoreContract {

	static final RedisTestStore store = new RedisTestStore();

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	static RedisChatKeys chatKeys() {
		return new RedisChatKeys(store.freshKeys(), new ConversationProperties(4000, Duration.ofMinutes(15)),
				Duration.ofHours(12), Duration.ofMinutes(1));
	}

	@Test
	void aTransferNoteIsStoredEncryptedAndReadBackPlain() {
		this.chats.create(Chat.waiting("c1", "v1", "q", null, null, T0).assignedTo("anna", "Anna", T0));
		this.chats.update("c1", (chat) -> chat.transferredTo("bo", "Bo", "canary note: Kiruna, 0731234567", T0));
		assertThat(this.chats.find("c1")).map(Chat::note).contains("canary note: Kiruna, 0731234567");
		assertThat(this.chats.activeOf("bo")).extracting(Chat::note).containsExactly("canary note: Kiruna, 0731234567");
		assertThat(store.keys()).isNotEmpty()
			.allSatisfy((key) -> assertThat(store.valueOf(key)).doesNotContain("canary").doesNotContain("Kiruna"));
	}

	@Test
	void aLateOutcomeKeepsAnEndedChatNoLongerThanItsEndAllows() {
		Transcripts transcripts = new RedisTranscripts(store.template(), this.keys, RedisTestStore.encryption());
		ChatNotes notes = new RedisChatNotes(store.template(), this.keys, RedisTestStore.encryption(),
				JsonMapper.builder().build());
		this.chats.create(Chat.waiting("c1", "v1", "q", null, null, T0).assignedTo("anna", "Anna", T0));
		transcripts.append("c1", "m1", Party.VISITOR, null, "hello", T0);
		notes.add(new ChatNote("c1", "n1", "Anna", "a note", T0));
		Instant endedAt = T0.plusSeconds(60);
		this.chats.update("c1", (chat) -> chat.endedBy(Party.VISITOR, endedAt));

		this.clock.advance(Duration.ofMinutes(10));
		this.chats.update("c1", (chat) -> chat.withOutcome("support"));
		assertThat(this.chats.find("c1")).map(Chat::outcome).contains("support");

		// Ended at T0 + 1m, kept for retention + purge interval (16m): at most 7m left at T0 + 10m.
		long left = Duration.between(this.clock.instant(), endedAt.plus(this.keys.endedTtl())).toMillis();
		assertThat(List.of(this.keys.chat("c1"), this.keys.messages("c1"), this.keys.messageIds("c1"),
				this.keys.notes("c1"), this.keys.latestOfVisitor("v1")))
			.allSatisfy((key) -> assertThat(store.template().getExpire(key, TimeUnit.MILLISECONDS)).as(key)
				.isPositive()
				.isLessThanOrEqualTo(left));
	}

	@Test
	void aChangeAfterTheRetentionHasPassedLeavesNothingBehind() {
		this.chats.create(Chat.waiting("c1", "v1", "q", null, null, T0));
		this.chats.update("c1", (chat) -> chat.endedBy(Party.VISITOR, T0));
		this.clock.advance(this.keys.endedTtl());
		this.chats.update("c1", (chat) -> chat.withOutcome("support"));
		Awaitility.await()
			.atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(store.template().countExistingKeys(
					List.of(this.keys.chat("c1"), this.keys.latestOfVisitor("v1"))))
				.isZero());
	}

	private RedisChatKeys keys;

	private final MutableClock clock = new MutableClock(T0);

	@Override
	protected ChatStore createStore() {
		this.keys = chatKeys();
		return otherNode();
	}

	@Override
	protected ChatStore otherNode() {
		return new RedisChatStore(store.template(), this.keys, JsonMapper.builder().build(), RedisTestStore.encryption(),
				this.clock);
	}

}
