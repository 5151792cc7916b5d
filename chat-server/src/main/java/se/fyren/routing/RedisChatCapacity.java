package se.fyren.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import se.fyren.system.RedisKeys;

/**
 * Counsellors' places in Redis, for cluster mode: one hash per counsellor,
 * chat id to {@code holds:reservedAtMillis}. Reserving and releasing are each
 * one script on that one key, so counting the places and taking one cannot be
 * split by another node. Keys expire a day after their last reservation.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisChatCapacity implements ChatCapacity {

	private static final Duration TTL = Duration.ofHours(24);

	private static final RedisScript<Long> RESERVE = RedisScript.of("""
			local place = redis.call('HGET', KEYS[1], ARGV[1])
			local holds = 0
			if place then
			  holds = tonumber(string.match(place, '^(%d+):'))
			elseif redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[2]) then
			  return 0
			end
			redis.call('HSET', KEYS[1], ARGV[1], (holds + 1) .. ':' .. ARGV[3])
			redis.call('PEXPIRE', KEYS[1], ARGV[4])
			return 1
			""", Long.class);

	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			local place = redis.call('HGET', KEYS[1], ARGV[1])
			if not place then return 0 end
			local holds, at = string.match(place, '^(%d+):(%d+)$')
			if tonumber(holds) > 1 then
			  redis.call('HSET', KEYS[1], ARGV[1], (tonumber(holds) - 1) .. ':' .. at)
			else
			  redis.call('HDEL', KEYS[1], ARGV[1])
			end
			return 1
			""", Long.class);

	private static final RedisScript<Long> RELEASE_IF_BEFORE = RedisScript.of("""
			local place = redis.call('HGET', KEYS[1], ARGV[1])
			if place and tonumber(string.match(place, ':(%d+)$')) < tonumber(ARGV[2]) then
			  return redis.call('HDEL', KEYS[1], ARGV[1])
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
		this.redis.execute(RELEASE, List.of(places(username)), chatId);
	}

	@Override
	public Map<String, Instant> held(String username) {
		Map<Object, Object> places = this.redis.opsForHash().entries(places(username));
		Map<String, Instant> held = new HashMap<>();
		places.forEach((chatId, place) -> {
			String value = (String) place;
			held.put((String) chatId, Instant.ofEpochMilli(Long.parseLong(value.substring(value.indexOf(':') + 1))));
		});
		return held;
	}

	@Override
	public void releaseIfReservedBefore(String username, String chatId, Instant cutoff) {
		this.redis.execute(RELEASE_IF_BEFORE, List.of(places(username)), chatId, Long.toString(cutoff.toEpochMilli()));
	}

}
