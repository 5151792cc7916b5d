package se.fyren.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import se.fyren.system.RedisKeys;

/**
 * Counsellors' places in Redis, for cluster mode: one sorted set per
 * counsellor of the chats holding a place, scored by when each was last
 * reserved. Reserving is one script on that one key, so counting the places
 * and taking one cannot be split by another node. Keys expire a day after
 * their last change.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisChatCapacity implements ChatCapacity {

	private static final Duration TTL = Duration.ofHours(24);

	private static final RedisScript<Long> RESERVE = RedisScript.of("""
			if not redis.call('ZSCORE', KEYS[1], ARGV[1])
			    and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
			  return 0
			end
			redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
			redis.call('PEXPIRE', KEYS[1], ARGV[4])
			return 1
			""", Long.class);

	private static final RedisScript<Long> RELEASE_IF_BEFORE = RedisScript.of("""
			local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
			if score and tonumber(score) < tonumber(ARGV[2]) then
			  return redis.call('ZREM', KEYS[1], ARGV[1])
			end
			return 0
			""", Long.class);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	RedisChatCapacity(StringRedisTemplate redis, RedisKeys keys) {
		this.redis = redis;
		this.keys = keys;
	}

	private String places(String username) {
		return this.keys.of("counsellor-places", username);
	}

	@Override
	public boolean reserve(String username, String chatId, int capacity, Instant at) {
		Long reserved = this.redis.execute(RESERVE, List.of(places(username)), chatId, Integer.toString(capacity),
				Long.toString(at.toEpochMilli()), Long.toString(TTL.toMillis()));
		return reserved != null && reserved > 0;
	}

	@Override
	public void release(String username, String chatId) {
		this.redis.opsForZSet().remove(places(username), chatId);
	}

	@Override
	public Map<String, Instant> held(String username) {
		Set<TypedTuple<String>> members = this.redis.opsForZSet().rangeWithScores(places(username), 0, -1);
		Map<String, Instant> held = new LinkedHashMap<>();
		if (members != null) {
			for (TypedTuple<String> member : members) {
				held.put(member.getValue(), Instant.ofEpochMilli(member.getScore().longValue()));
			}
		}
		return held;
	}

	@Override
	public void releaseIfReservedBefore(String username, String chatId, Instant cutoff) {
		this.redis.execute(RELEASE_IF_BEFORE, List.of(places(username)), chatId, Long.toString(cutoff.toEpochMilli()));
	}

}
