package se.fyren.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import se.fyren.system.RedisExpiringWrites;
import se.fyren.system.TextEncryption;

/**
 * Chats in Redis, for cluster mode: each chat one JSON value (categories,
 * status and counsellor; no message text, nothing about the visitor). A
 * transfer note is counsellors' free text about the visitor, so it is
 * encrypted like message text, bound to its chat.
 * {@link #update} is optimistic: it applies the change to what it read and
 * stores the result only if the value is still the one it read, in one
 * script on the chat's keys (one hash tag), and otherwise reads again. The
 * indexes by visitor and counsellor are hints that every read checks against
 * the chat itself, so a node dying between writing a chat and its indexes
 * loses nothing; the index by end time gets a chat only once it has ended.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisChatStore implements ChatStore {

	/**
	 * Replaces the chat if it is still the one read. Once it has ended, its
	 * transcript and notes (same hash tag) get the chat's expiry in the same
	 * step, so they never outlive it.
	 */
	private static final RedisScript<Boolean> COMPARE_AND_SET = RedisScript.of("""
			if redis.call('GET', KEYS[1]) ~= ARGV[1] then return false end
			redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
			if ARGV[4] == 'ended' then
			  for i = 2, #KEYS do redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
			end
			return true
			""", Boolean.class);

	/** Sets the visitor's latest chat if it is still the one expected ('' for none). */
	private static final RedisScript<Boolean> MOVE_LATEST = RedisScript.of("""
			if (redis.call('GET', KEYS[1]) or '') ~= ARGV[1] then return false end
			redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
			return true
			""", Boolean.class);

	/** SET refuses an expiry of zero or less; one millisecond drops the key at once all the same. */
	private static final Duration MINIMUM_TTL = Duration.ofMillis(1);

	private final StringRedisTemplate redis;

	private final RedisChatKeys keys;

	private final JsonMapper json;

	private final TextEncryption encryption;

	private final Clock clock;

	RedisChatStore(StringRedisTemplate redis, RedisChatKeys keys, JsonMapper json, TextEncryption encryption,
			Clock clock) {
		this.encryption = encryption;
		this.redis = redis;
		this.keys = keys;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Writes the chat, then moves the visitor's pointer to it only if the
	 * pointer still names the chat found ended (or nothing): a join on
	 * another node in between wins, this chat is deleted again, and the
	 * visitor's chat is looked at anew.
	 */
	@Override
	public boolean create(Chat chat) {
		String latestKey = this.keys.latestOfVisitor(chat.visitorId());
		while (true) {
			String latest = this.redis.opsForValue().get(latestKey);
			if (latest != null && find(latest).filter(Chat::isOpen).isPresent()) {
				return false;
			}
			this.redis.opsForValue().set(this.keys.chat(chat.id()), write(chat), this.keys.openTtl());
			if (Boolean.TRUE.equals(this.redis.execute(MOVE_LATEST, List.of(latestKey), (latest != null) ? latest : "",
					chat.id(), Long.toString(this.keys.openTtl().toMillis())))) {
				index(null, chat);
				return true;
			}
			this.redis.delete(this.keys.chat(chat.id()));
		}
	}

	@Override
	public Optional<Chat> find(String chatId) {
		return Optional.ofNullable(this.redis.opsForValue().get(this.keys.chat(chatId))).map(this::read);
	}

	@Override
	public Optional<Chat> update(String chatId, UnaryOperator<Chat> change) {
		String key = this.keys.chat(chatId);
		while (true) {
			String stored = this.redis.opsForValue().get(key);
			if (stored == null) {
				return Optional.empty();
			}
			Chat before = read(stored);
			Chat after = change.apply(before);
			if (after.equals(before)) {
				return Optional.of(before);
			}
			Duration ttl = ttlOf(after);
			if (Boolean.TRUE.equals(this.redis.execute(COMPARE_AND_SET,
					List.of(key, this.keys.messages(chatId), this.keys.messageIds(chatId), this.keys.notes(chatId)),
					stored, write(after), millis(ttl), after.isOpen() ? "open" : "ended"))) {
				index(before, after);
				return Optional.of(after);
			}
		}
	}

	/**
	 * An open chat lives on while it is used. An ended one lives until the
	 * retention after its end, whenever it is written: a later change, such
	 * as an outcome given late, must not keep it longer. Counted from this
	 * node's clock, which stamped the end; Redis counts down with its own.
	 */
	private Duration ttlOf(Chat chat) {
		if (chat.isOpen()) {
			return this.keys.openTtl();
		}
		Duration left = Duration.between(this.clock.instant(), chat.endedAt().plus(this.keys.endedTtl()));
		return (left.compareTo(MINIMUM_TTL) > 0) ? left : MINIMUM_TTL;
	}

	private void index(Chat before, Chat after) {
		if (after.status() == Chat.Status.ACTIVE && after.counsellor() != null) {
			RedisExpiringWrites.addToSet(this.redis, this.keys.activeOf(after.counsellor()), after.id(),
					this.keys.openTtl());
		}
		if (before != null && before.counsellor() != null
				&& (after.status() != Chat.Status.ACTIVE || !before.counsellor().equals(after.counsellor()))) {
			this.redis.opsForSet().remove(this.keys.activeOf(before.counsellor()), after.id());
		}
		if (after.status() == Chat.Status.ENDED) {
			// The index of all ended chats lives as long as the newest of them; each member goes with its purge.
			RedisExpiringWrites.addToSortedSet(this.redis, this.keys.ended(), after.id(),
					after.endedAt().toEpochMilli(), this.keys.endedTtl());
			// Another slot, so not in the chat's script: if this node dies first, the pointer (no content)
			// keeps the open chat's expiry.
			this.redis.expire(this.keys.latestOfVisitor(after.visitorId()), ttlOf(after));
		}
	}

	@Override
	public Optional<Chat> latestOfVisitor(String visitorId) {
		return Optional.ofNullable(this.redis.opsForValue().get(this.keys.latestOfVisitor(visitorId)))
			.flatMap(this::find);
	}

	@Override
	public List<Chat> activeOf(String counsellor) {
		Set<String> ids = this.redis.opsForSet().members(this.keys.activeOf(counsellor));
		return chats(ids).stream()
			.filter((chat) -> chat.status() == Chat.Status.ACTIVE && counsellor.equals(chat.counsellor()))
			.sorted(Comparator.comparing(Chat::startedAt))
			.toList();
	}

	/**
	 * Read from the index alone: a member is written only once its chat has
	 * ended at that score, and a chat already expired still leaves its member
	 * to be cleared by {@link #delete}.
	 */
	@Override
	public List<String> endedBefore(Instant cutoff) {
		Set<String> ids = this.redis.opsForZSet()
			.rangeByScore(this.keys.ended(), Double.NEGATIVE_INFINITY, cutoff.toEpochMilli() - 1);
		return (ids != null) ? List.copyOf(ids) : List.of();
	}

	private List<Chat> chats(Set<String> ids) {
		return (ids == null) ? List.of() : findAll(List.copyOf(ids));
	}

	/** One MGET (split by slot in Redis Cluster) rather than a round trip per chat. */
	@Override
	public List<Chat> findAll(List<String> chatIds) {
		if (chatIds.isEmpty()) {
			return List.of();
		}
		List<String> stored = this.redis.opsForValue().multiGet(chatIds.stream().map(this.keys::chat).toList());
		return (stored == null) ? List.of() : stored.stream().filter(Objects::nonNull).map(this::read).toList();
	}

	/**
	 * Reads the chat without opening its note: a chat sealed under a key
	 * since removed from the configuration is deleted all the same.
	 */
	@Override
	public void delete(String chatId) {
		String stored = this.redis.opsForValue().get(this.keys.chat(chatId));
		Optional.ofNullable(stored).map(this::sealed).ifPresent((chat) -> {
			String latest = this.keys.latestOfVisitor(chat.visitorId());
			if (chatId.equals(this.redis.opsForValue().get(latest))) {
				this.redis.delete(latest);
			}
			if (chat.counsellor() != null) {
				this.redis.opsForSet().remove(this.keys.activeOf(chat.counsellor()), chatId);
			}
		});
		this.redis.delete(this.keys.chat(chatId));
		this.redis.opsForZSet().remove(this.keys.ended(), chatId);
	}

	private String write(Chat chat) {
		Chat sealed = (chat.note() != null) ? withNote(chat, this.encryption.encrypt(chat.note(), noteContext(chat)))
				: chat;
		return this.json.writeValueAsString(sealed);
	}

	private Chat read(String value) {
		Chat stored = sealed(value);
		return (stored.note() != null)
				? withNote(stored, this.encryption.decrypt(stored.note(), noteContext(stored))) : stored;
	}

	/** The chat as stored, its note still encrypted. */
	private Chat sealed(String value) {
		return Objects.requireNonNull(this.json.readValue(value, Chat.class));
	}

	private static String millis(Duration ttl) {
		return Long.toString(ttl.toMillis());
	}

	private static String noteContext(Chat chat) {
		return "chat-note:" + chat.id();
	}

	private static Chat withNote(Chat chat, String note) {
		return new Chat(chat.id(), chat.visitorId(), chat.queue(), chat.ageBand(), chat.language(), chat.status(),
				chat.counsellor(), chat.counsellorName(), chat.joinedAt(), chat.startedAt(), chat.endedAt(),
				chat.endedBy(), chat.urgent(), note, chat.gender(), chat.municipality(), chat.outcome());
	}

}
