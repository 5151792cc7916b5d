package se.fyren.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;

import se.fyren.system.RedisExpiringWrites;
import se.fyren.system.RedisKeys;

/**
 * A Redis hash of instants (epoch milliseconds) by name, for the small
 * routing stores in cluster mode. The hash expires a day after its last write.
 */
final class RedisInstants {

	private static final Duration TTL = Duration.ofHours(24);

	private final StringRedisTemplate redis;

	private final String key;

	RedisInstants(StringRedisTemplate redis, RedisKeys keys, String kind) {
		this.redis = redis;
		this.key = keys.of(kind);
	}

	void put(String name, Instant at) {
		RedisExpiringWrites.putInHash(this.redis, this.key, name, Long.toString(at.toEpochMilli()), TTL);
	}

	/** Keeps the later of the stored and the given instant. */
	void putLatest(String name, Instant at) {
		RedisExpiringWrites.putLargerInHash(this.redis, this.key, name, at.toEpochMilli(), TTL);
	}

	Optional<Instant> get(String name) {
		Object value = this.redis.opsForHash().get(this.key, name);
		return Optional.ofNullable(value).map((millis) -> Instant.ofEpochMilli(Long.parseLong((String) millis)));
	}

	void remove(String name) {
		this.redis.opsForHash().delete(this.key, name);
	}

}
