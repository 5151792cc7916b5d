package se.fyren.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import se.fyren.system.RedisExpiringWrites;
import se.fyren.system.RedisKeys;

/**
 * A Redis hash of instants (epoch milliseconds) by name, for the small
 * routing stores in cluster mode. The hash expires a day after its last write.
 */
final class RedisInstants {

	private static final Duration TTL = Duration.ofHours(24);

	/** Keeps the later of the stored and the given instant. */
	private static final RedisScript<Long> LATEST = RedisScript.of("""
			local current = redis.call('HGET', KEYS[1], ARGV[1])
			if (not current) or tonumber(current) < tonumber(ARGV[2]) then
			  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
			end
			redis.call('PEXPIRE', KEYS[1], ARGV[3])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final String key;

	RedisInstants(StringRedisTemplate redis, RedisKeys keys, String kind) {
		this.redis = redis;
		this.key = keys.of(kind);
	}

	void put(String name, Instant at) {
		RedisExpiringWrites.putInHash(this.redis, this.key, name, Long.toString(at.toEpochMilli()), TTL);
	}

	void putLatest(String name, Instant at) {
		this.redis.execute(LATEST, List.of(this.key), name, Long.toString(at.toEpochMilli()),
				Long.toString(TTL.toMillis()));
	}

	Optional<Instant> get(String name) {
		Object value = this.redis.opsForHash().get(this.key, name);
		return Optional.ofNullable(value).map((millis) -> Instant.ofEpochMilli(Long.parseLong((String) millis)));
	}

	void remove(String name) {
		this.redis.opsForHash().delete(this.key, name);
	}

}
