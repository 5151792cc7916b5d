package se.fyren.letterbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
import se.fyren.system.RedisKeys;
import se.fyren.system.TextEncryption;

/**
 * Letters in Redis, for cluster mode: each letter as JSON with its text and
 * answer encrypted at rest (bound to the letter id), an index from code hash
 * to id, and a sorted set of ids by sending time for listing and expiry.
 * Every key expires with the retention window; {@link #update} is a
 * compare-and-set script on the letter's one key (so it works on Redis
 * Cluster, which has no {@code WATCH}), retried when another node changed
 * the letter.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisLetterbox implements Letterbox {

	private static final int ATTEMPTS = 5;

	/** Replaces the letter only if it is still what was read; keeps its expiry. */
	private static final RedisScript<Boolean> COMPARE_AND_SET = RedisScript.of("""
			if redis.call('GET', KEYS[1]) ~= ARGV[1] then return false end
			redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
			return true
			""", Boolean.class);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final JsonMapper json;

	private final TextEncryption encryption;

	private final LetterboxProperties properties;

	RedisLetterbox(StringRedisTemplate redis, RedisKeys keys, JsonMapper json, TextEncryption encryption,
			LetterboxProperties properties) {
		this.redis = redis;
		this.keys = keys;
		this.json = json;
		this.encryption = encryption;
		this.properties = properties;
	}

	private String letterKey(String id) {
		return this.keys.of("letter", id);
	}

	private String codeKey(String codeHash) {
		return this.keys.of("letter-code", codeHash);
	}

	private String byTime() {
		return this.keys.of("letters");
	}

	@Override
	public void save(Letter letter) {
		this.redis.opsForValue().set(letterKey(letter.id()), write(letter), this.properties.retention());
		this.redis.opsForValue().set(codeKey(letter.codeHash()), letter.id(), this.properties.retention());
		RedisExpiringWrites.addToSortedSet(this.redis, byTime(), letter.id(), letter.sentAt().toEpochMilli(),
				this.properties.retention());
	}

	@Override
	public Optional<Letter> findByCodeHash(String codeHash) {
		return Optional.ofNullable(this.redis.opsForValue().get(codeKey(codeHash))).flatMap(this::find);
	}

	@Override
	public Optional<Letter> find(String id) {
		return Optional.ofNullable(this.redis.opsForValue().get(letterKey(id))).map(this::read);
	}

	@Override
	public Optional<Letter> update(String id, UnaryOperator<Letter> change) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			String stored = this.redis.opsForValue().get(letterKey(id));
			if (stored == null) {
				return Optional.empty();
			}
			Letter changed = change.apply(read(stored));
			if (Boolean.TRUE.equals(
					this.redis.execute(COMPARE_AND_SET, List.of(letterKey(id)), stored, write(changed)))) {
				return Optional.of(changed);
			}
		}
		throw new IllegalStateException("The letter kept changing; try again");
	}

	@Override
	public List<Letter> unanswered(Collection<String> queues) {
		Set<String> ids = this.redis.opsForZSet().range(byTime(), 0, -1);
		List<Letter> letters = new ArrayList<>();
		for (String id : (ids != null) ? ids : Set.<String>of()) {
			find(id).filter((letter) -> !letter.answered() && queues.contains(letter.queue())).ifPresent(letters::add);
		}
		return letters;
	}

	@Override
	public int removeSentBefore(Instant cutoff) {
		Set<String> old = this.redis.opsForZSet().rangeByScore(byTime(), Double.NEGATIVE_INFINITY, cutoff.toEpochMilli() - 1);
		int removed = 0;
		for (String id : (old != null) ? old : Set.<String>of()) {
			find(id).ifPresent((letter) -> this.redis.delete(codeKey(letter.codeHash())));
			this.redis.delete(letterKey(id));
			Long gone = this.redis.opsForZSet().remove(byTime(), id);
			removed += (gone != null) ? gone.intValue() : 0;
		}
		return removed;
	}

	private String write(Letter letter) {
		return this.json.writeValueAsString(new Stored(letter.id(), letter.codeHash(), letter.queue(),
				this.encryption.encrypt(letter.text(), letter.id()), letter.language(), letter.sentAt(),
				(letter.answer() != null) ? this.encryption.encrypt(letter.answer(), letter.id() + ":answer") : null,
				letter.answeredBy(), letter.answeredAt()));
	}

	private Letter read(String value) {
		Stored stored = Objects.requireNonNull(this.json.readValue(value, Stored.class));
		return new Letter(stored.id(), stored.codeHash(), stored.queue(), this.encryption.decrypt(stored.text(), stored.id()),
				stored.language(), stored.sentAt(),
				(stored.answer() != null) ? this.encryption.decrypt(stored.answer(), stored.id() + ":answer") : null,
				stored.answeredBy(), stored.answeredAt());
	}

	/** A letter as stored: text and answer encrypted. */
	record Stored(String id, String codeHash, String queue, String text, String language, Instant sentAt, String answer,
			String answeredBy, Instant answeredAt) {
	}

}
