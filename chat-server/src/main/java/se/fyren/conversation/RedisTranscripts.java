package se.fyren.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import se.fyren.system.TextEncryption;

/**
 * Transcripts in Redis, for cluster mode: one stream per chat whose entry ids
 * are {@code 0-<seq>}, so a replay after the last message a client saw is a
 * plain range read, and a hash from client message id to seq that makes a
 * resend a no-op; the hash also marks who has written ({@code first:<party>},
 * which no message id can be). Appending is one script over both keys (same
 * hash tag), so numbering and de-duplication hold across nodes. The text is encrypted
 * (AES-GCM, bound to chat and message id) before it leaves this node. A
 * counsellor's message also keeps its author's display name; an entry written
 * before authors were kept has none.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisTranscripts implements Transcripts {

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> APPEND = RedisScript.of("""
			local seq = redis.call('HGET', KEYS[2], ARGV[1])
			if seq then
			  local entry = redis.call('XRANGE', KEYS[1], '0-' .. seq, '0-' .. seq)[1][2]
			  local fields = {}
			  for i = 1, #entry, 2 do fields[entry[i]] = entry[i + 1] end
			  return {'0', seq, fields['from'], fields['text'], fields['at'], 0, fields['author'] or ''}
			end
			seq = tostring(redis.call('XLEN', KEYS[1]) + 1)
			redis.call('XADD', KEYS[1], '0-' .. seq, 'id', ARGV[1], 'from', ARGV[2], 'text', ARGV[3], 'at', ARGV[4],
			  'author', ARGV[6])
			redis.call('HSET', KEYS[2], ARGV[1], seq)
			local first = redis.call('HSETNX', KEYS[2], 'first:' .. ARGV[2], seq)
			if redis.call('PTTL', KEYS[1]) < 0 then
			  redis.call('PEXPIRE', KEYS[1], ARGV[5])
			  redis.call('PEXPIRE', KEYS[2], ARGV[5])
			end
			return {'1', seq, ARGV[2], ARGV[3], ARGV[4], first, ARGV[6]}
			""", List.class);

	private final StringRedisTemplate redis;

	private final RedisChatKeys keys;

	private final TextEncryption encryption;

	RedisTranscripts(StringRedisTemplate redis, RedisChatKeys keys, TextEncryption encryption) {
		this.redis = redis;
		this.keys = keys;
		this.encryption = encryption;
	}

	@Override
	public Appended append(String chatId, String messageId, Party from, String author, String text, Instant at) {
		List<?> result = this.redis.execute(APPEND, List.of(this.keys.messages(chatId), this.keys.messageIds(chatId)),
				messageId, from.name(), this.encryption.encrypt(text, context(chatId, messageId)),
				Long.toString(at.toEpochMilli()), Long.toString(this.keys.openTtl().toMillis()),
				(author != null) ? author : "");
		boolean fresh = "1".equals(result.get(0));
		// A new message's text is the one just sealed; only a duplicate's earlier text needs opening.
		String stored = fresh ? text : this.encryption.decrypt((String) result.get(3), context(chatId, messageId));
		ChatMessage message = new ChatMessage(chatId, messageId, Long.parseLong((String) result.get(1)),
				Party.valueOf((String) result.get(2)), stored, Instant.ofEpochMilli(Long.parseLong((String) result.get(4))),
				author((String) result.get(6)));
		return new Appended(message, fresh, Long.valueOf(1).equals(result.get(5)));
	}

	@Override
	public List<ChatMessage> after(String chatId, long afterSeq) {
		if (afterSeq == Long.MAX_VALUE) {
			// Nothing can come after the last number; adding one would overflow.
			return List.of();
		}
		List<MapRecord<String, Object, Object>> entries = this.redis.opsForStream()
			.range(this.keys.messages(chatId), Range.rightUnbounded(Range.Bound.inclusive("0-" + (Math.max(afterSeq, 0) + 1))));
		if (entries == null) {
			return List.of();
		}
		return entries.stream().map((entry) -> message(chatId, entry)).toList();
	}

	private ChatMessage message(String chatId, MapRecord<String, Object, Object> entry) {
		Map<Object, Object> fields = entry.getValue();
		String messageId = (String) fields.get("id");
		return new ChatMessage(chatId, messageId, entry.getId().getSequence(), Party.valueOf((String) fields.get("from")),
				this.encryption.decrypt((String) fields.get("text"), context(chatId, messageId)),
				Instant.ofEpochMilli(Long.parseLong((String) fields.get("at"))), author((String) fields.get("author")));
	}

	/** Stored as empty for the visitor's messages; missing from entries older than authors. */
	private static String author(String stored) {
		return (stored == null || stored.isEmpty()) ? null : stored;
	}

	@Override
	public void delete(String chatId) {
		this.redis.delete(List.of(this.keys.messages(chatId), this.keys.messageIds(chatId)));
	}

	private static String context(String chatId, String messageId) {
		return "message:" + chatId + ":" + messageId;
	}

}
