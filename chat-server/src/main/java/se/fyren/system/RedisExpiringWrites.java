package se.fyren.system;

import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Redis writes that set the key's expiry in the same step, as one script each.
 * A write followed by a separate EXPIRE leaves a key without a TTL if the node
 * dies in between, and such a key would outlive every retention setting. Each
 * script touches one key, so it runs on Redis Cluster too.
 */
public final class RedisExpiringWrites {

	private static final RedisScript<Long> ADD_TO_SET = RedisScript.of("""
			local added = redis.call('SADD', KEYS[1], ARGV[1])
			redis.call('PEXPIRE', KEYS[1], ARGV[2])
			return added
			""", Long.class);

	private static final RedisScript<Long> ADD_TO_SORTED_SET = RedisScript.of("""
			local added = redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
			redis.call('PEXPIRE', KEYS[1], ARGV[3])
			return added
			""", Long.class);

	private static final RedisScript<Long> PUT_IN_HASH = RedisScript.of("""
			local added = redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
			redis.call('PEXPIRE', KEYS[1], ARGV[3])
			return added
			""", Long.class);

	private static final RedisScript<Long> INCREMENT = RedisScript.of("""
			local value = redis.call('INCR', KEYS[1])
			redis.call('PEXPIRE', KEYS[1], ARGV[1])
			return value
			""", Long.class);

	private RedisExpiringWrites() {
	}

	/** SADD; true when the member is new. */
	public static boolean addToSet(StringRedisTemplate redis, String key, String member, Duration ttl) {
		Long added = redis.execute(ADD_TO_SET, List.of(key), member, millis(ttl));
		return added != null && added > 0;
	}

	/** ZADD with the given score. */
	public static void addToSortedSet(StringRedisTemplate redis, String key, String member, double score,
			Duration ttl) {
		redis.execute(ADD_TO_SORTED_SET, List.of(key), member, scoreOf(score), millis(ttl));
	}

	/** HSET of one field. */
	public static void putInHash(StringRedisTemplate redis, String key, String field, String value, Duration ttl) {
		redis.execute(PUT_IN_HASH, List.of(key), field, value, millis(ttl));
	}

	/** INCR; the new value. */
	public static long increment(StringRedisTemplate redis, String key, Duration ttl) {
		Long value = redis.execute(INCREMENT, List.of(key), millis(ttl));
		return (value != null) ? value : 0;
	}

	private static String millis(Duration ttl) {
		return Long.toString(Math.max(1, ttl.toMillis()));
	}

	private static String scoreOf(double score) {
		return (score == Math.rint(score) && Math.abs(score) < 1e15) ? Long.toString((long) score)
				: Double.toString(score);
	}

}
