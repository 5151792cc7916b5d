package se.fyren.letterbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import se.fyren.system.RedisKeys;
import se.fyren.system.TextEncryption;

/**
 * Letters in Redis, for cluster mode: each letter as JSON with its text and
 * answer encrypted at rest (bound to the letter id), an index from code hash
 * to id, and a sorted set of ids by sending time for listing and expiry.
 * Every key expires with the retention window; {@link #update} is a
 * {@code WATCH}ed transaction, retried when another node changed the letter.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisLetterbox implements Letterbox {

	private static final int ATTEMPTS = 5;

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
		this.redis.opsForZSet().add(byTime(), letter.id(), letter.sentAt().toEpochMilli());
		this.redis.expire(byTime(), this.properties.retention());
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
			Optional<Optional<Letter>> done = this.redis.execute(new RedisUpdate(id, change));
			if (done != null && done.isPresent()) {
				return done.get();
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

	/**
	 * One optimistic attempt at {@link #update}: empty when another node changed
	 * the letter meanwhile, else the outcome (empty for a missing letter).
	 */
	private final class RedisUpdate implements SessionCallback<Optional<Optional<Letter>>> {

		private final String id;

		private final UnaryOperator<Letter> change;

		RedisUpdate(String id, UnaryOperator<Letter> change) {
			this.id = id;
			this.change = change;
		}

		@Override
		@SuppressWarnings({ "unchecked", "rawtypes" })
		public Optional<Optional<Letter>> execute(RedisOperations operations) throws DataAccessException {
			String key = letterKey(this.id);
			operations.watch(key);
			String stored = (String) operations.opsForValue().get(key);
			if (stored == null) {
				operations.unwatch();
				return Optional.of(Optional.empty());
			}
			Letter changed;
			try {
				changed = this.change.apply(read(stored));
			}
			catch (RuntimeException ex) {
				operations.unwatch();
				throw ex;
			}
			Long ttl = operations.getExpire(key);
			operations.multi();
			operations.opsForValue().set(key, write(changed));
			if (ttl != null && ttl > 0) {
				operations.expire(key, Duration.ofSeconds(ttl));
			}
			List<Object> result = operations.exec();
			return (result == null || result.isEmpty()) ? Optional.empty() : Optional.of(Optional.of(changed));
		}

	}

	/** A letter as stored: text and answer encrypted. */
	record Stored(String id, String codeHash, String queue, String text, String language, Instant sentAt, String answer,
			String answeredBy, Instant answeredAt) {
	}

}
