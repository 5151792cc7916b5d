package se.fyren.conversation;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

import se.fyren.system.EncryptionProperties;
import se.fyren.system.TextEncryption;
import se.fyren.testsupport.MutableClock;
import se.fyren.testsupport.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The retention purge in cluster mode, after an encryption key has been
 * removed from the configuration: what was sealed under it is past reading
 * but not past deleting.
 */
class RedisRetentionPurgeTests {

	static final RedisTestStore store = new RedisTestStore();

	static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");

	final StringRedisTemplate redis = store.template();

	final ConversationProperties properties = new ConversationProperties(4000, Duration.ofMinutes(15));

	final RedisChatKeys keys = new RedisChatKeys(store.freshKeys(), this.properties, Duration.ofHours(12),
			Duration.ofMinutes(1));

	final MutableClock clock = new MutableClock(T0);

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	@Test
	void aChatSealedUnderARemovedKeyIsPurgedAndSoAreTheOthers() {
		Node before = new Node(onlyKey("a"));
		endedChatWithSecrets(before, "sealed-a", "v1", T0);

		Node after = new Node(onlyKey("b"));
		endedChatWithSecrets(after, "sealed-b", "v2", T0);
		endedChatWithSecrets(after, "recent", "v3", T0.plus(Duration.ofMinutes(10)));
		assertThatIllegalStateException().as("key a is gone").isThrownBy(() -> after.chats.find("sealed-a"));

		this.clock.advance(Duration.ofMinutes(16));
		after.retention().purgeExpired();

		for (String chatId : List.of("sealed-a", "sealed-b")) {
			assertThat(this.redis.countExistingKeys(List.of(this.keys.chat(chatId), this.keys.messages(chatId),
					this.keys.messageIds(chatId), this.keys.notes(chatId))))
				.as(chatId)
				.isZero();
		}
		assertThat(this.redis.hasKey(this.keys.latestOfVisitor("v1"))).isFalse();
		assertThat(after.chats.endedBefore(this.clock.instant())).containsExactly("recent");
		assertThat(after.transcripts.after("recent", 0)).hasSize(1);
	}

	private void endedChatWithSecrets(Node node, String chatId, String visitorId, Instant endedAt) {
		node.chats.create(Chat.waiting(chatId, visitorId, "relatives", null, "sv", T0).assignedTo("anna", "Anna", T0));
		node.chats.update(chatId, (chat) -> chat.transferredTo("bo", "Bo", "she mentions her school", T0));
		node.transcripts.append(chatId, "m1", Party.VISITOR, null, "something private", T0);
		node.notes.add(new ChatNote(chatId, "n1", "Bo", "follow up", T0));
		node.chats.update(chatId, (chat) -> chat.endedBy(Party.VISITOR, endedAt));
	}

	private static TextEncryption onlyKey(String id) {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return new TextEncryption(new EncryptionProperties(id, Map.of(id, Base64.getEncoder().encodeToString(key))));
	}

	/** A node as configured with one encryption key. */
	private final class Node {

		final ChatStore chats;

		final Transcripts transcripts;

		final ChatNotes notes;

		Node(TextEncryption encryption) {
			StringRedisTemplate redis = RedisRetentionPurgeTests.this.redis;
			RedisChatKeys keys = RedisRetentionPurgeTests.this.keys;
			JsonMapper json = JsonMapper.builder().build();
			this.chats = new RedisChatStore(redis, keys, json, encryption, RedisRetentionPurgeTests.this.clock);
			this.transcripts = new RedisTranscripts(redis, keys, encryption);
			this.notes = new RedisChatNotes(redis, keys, encryption, json);
		}

		TranscriptRetention retention() {
			return new TranscriptRetention(this.chats, this.transcripts, this.notes,
					RedisRetentionPurgeTests.this.properties, RedisRetentionPurgeTests.this.clock);
		}

	}

}
