package se.fyren.conversation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import se.fyren.system.TextEncryption;

/**
 * Internal notes in Redis, for cluster mode: one hash per chat from note id
 * to the note, whose author and text are encrypted (AES-GCM, bound to chat
 * and note id) like message text. Adding is one script, so a resent note is
 * stored once. The hash expires with the transcript: as long as an open
 * chat may live, then with the chat once it ends (see {@link RedisChatStore}).
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisChatNotes implements ChatNotes {

	private static final RedisScript<String> ADD = RedisScript.of("""
			if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then
			  return redis.call('HGET', KEYS[1], ARGV[1])
			end
			if redis.call('PTTL', KEYS[1]) < 0 then
			  redis.call('PEXPIRE', KEYS[1], ARGV[3])
			end
			return ARGV[2]
			""", String.class);

	private final StringRedisTemplate redis;

	private final RedisChatKeys keys;

	private final TextEncryption encryption;

	private final JsonMapper json;

	RedisChatNotes(StringRedisTemplate redis, RedisChatKeys keys, TextEncryption encryption, JsonMapper json) {
		this.redis = redis;
		this.keys = keys;
		this.encryption = encryption;
		this.json = json;
	}

	@Override
	public ChatNote add(ChatNote note) {
		String stored = this.redis.execute(ADD, List.of(this.keys.notes(note.chatId())), note.id(), write(note),
				Long.toString(this.keys.openTtl().toMillis()));
		return read(note.chatId(), note.id(), Objects.requireNonNull(stored));
	}

	@Override
	public List<ChatNote> of(String chatId) {
		Map<Object, Object> entries = this.redis.opsForHash().entries(this.keys.notes(chatId));
		return entries.entrySet()
			.stream()
			.map((entry) -> read(chatId, (String) entry.getKey(), (String) entry.getValue()))
			.sorted(Comparator.comparing(ChatNote::writtenAt).thenComparing(ChatNote::id))
			.toList();
	}

	@Override
	public void delete(String chatId) {
		this.redis.delete(this.keys.notes(chatId));
	}

	private String write(ChatNote note) {
		Stored stored = new Stored(note.author(), note.text(), note.writtenAt().toEpochMilli());
		return this.encryption.encrypt(this.json.writeValueAsString(stored), context(note.chatId(), note.id()));
	}

	private ChatNote read(String chatId, String noteId, String value) {
		Stored stored = this.json.readValue(this.encryption.decrypt(value, context(chatId, noteId)), Stored.class);
		return new ChatNote(chatId, noteId, stored.author(), stored.text(), Instant.ofEpochMilli(stored.at()));
	}

	private static String context(String chatId, String noteId) {
		return "note:" + chatId + ":" + noteId;
	}

	private record Stored(String author, String text, long at) {
	}

}
