package se.fyren.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

	private static final RedisScript<Long> PUT_ALL_IN_HASH = RedisScript.of("""
			local added = redis.call('HSET', KEYS[1], unpack(ARGV, 1, #ARGV - 1))
			redis.call('PEXPIRE', KEYS[1], ARGV[#ARGV])
			return added
			""", Long.class);

	private static final RedisScript<Boolean> PUT_IN_HASH_IF_ABSENT = RedisScript.of("""
			local added = redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
			redis.call('PEXPIRE', KEYS[1], ARGV[3])
			return added == 1
			""", Boolean.class);

	private static final RedisScript<Long> PUT_LARGER_IN_HASH = RedisScript.of("""
			local current = redis.call('HGET', KEYS[1], ARGV[1])
			if (not current) or tonumber(current) < tonumber(ARGV[2]) then
			  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
			end
			redis.call('PEXPIRE', KEYS[1], ARGV[3])
			return 1
			""", Long.class);

	private static final RedisScript<Long> INCREMENT_IN_HASH = RedisScript.of("""
			local value = redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2])
			redis.call('PEXPIRE', KEYS[1], ARGV[3])
			return value
			""", Long.class);

	private static final RedisScript<Long> APPEND_TO_LIST = RedisScript.of("""
			local length = redis.call('RPUSH', KEYS[1], ARGV[1])
			redis.call('PEXPIRE', KEYS[1], ARGV[2])
			return length
			""", Long.class);

	private static final RedisScript<Long> PUSH_TO_CAPPED_LIST = RedisScript.of("""
			redis.call('LPUSH', KEYS[1], ARGV[1])
			redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)
			redis.call('PEXPIRE', KEYS[1], ARGV[3])
			return 1
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

	/** HSET of several fields (at least one) at once. */
	public static void putInHash(StringRedisTemplate redis, String key, Map<String, String> fields, Duration ttl) {
		List<String> args = new ArrayList<>();
		fields.forEach((field, value) -> {
			args.add(field);
			args.add(value);
		});
		args.add(millis(ttl));
		redis.execute(PUT_ALL_IN_HASH, List.of(key), args.toArray());
	}

	/** HSETNX; true when the field was absent and is now set. */
	public static boolean putInHashIfAbsent(StringRedisTemplate redis, String key, String field, String value,
			Duration ttl) {
		return Boolean.TRUE.equals(redis.execute(PUT_IN_HASH_IF_ABSENT, List.of(key), field, value, millis(ttl)));
	}

	/**
	 * Sets a numeric hash field unless it already holds a larger number, so
	 * nodes writing at once keep the largest (the latest instant, the peak).
	 */
	public static void putLargerInHash(StringRedisTemplate redis, String key, String field, long value,
			Duration ttl) {
		redis.execute(PUT_LARGER_IN_HASH, List.of(key), field, Long.toString(value), millis(ttl));
	}

	/** HINCRBY; the new value. */
	public static long incrementInHash(StringRedisTemplate redis, String key, String field, long delta,
			Duration ttl) {
		Long value = redis.execute(INCREMENT_IN_HASH, List.of(key), field, Long.toString(delta), millis(ttl));
		return (value != null) ? value : 0;
	}

	/** RPUSH of one value. */
	public static void appendToList(StringRedisTemplate redis, String key, String value, Duration ttl) {
		redis.execute(APPEND_TO_LIST, List.of(key), value, millis(ttl));
	}

	/** LPUSH of one value, keeping only the newest {@code keep} values. */
	public static void pushToCappedList(StringRedisTemplate redis, String key, String value, int keep,
			Duration ttl) {
		redis.execute(PUSH_TO_CAPPED_LIST, List.of(key), value, Integer.toString(keep), millis(ttl));
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
