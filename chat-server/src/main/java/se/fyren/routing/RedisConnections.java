package se.fyren.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import se.fyren.system.RedisKeys;

/**
 * Connections in Redis, for cluster mode: a set of open session ids per
 * participant and a hash of since-when for those with none, changed together
 * by scripts. Does not notice a node that dies without closing its sessions:
 * those participants stay connected until the set expires (a day after its
 * last change).
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisConnections implements Connections {

	private static final Duration TTL = Duration.ofHours(24);

	private static final RedisScript<Long> CONNECTED = RedisScript.of("""
			redis.call('SADD', KEYS[1], ARGV[2])
			redis.call('PEXPIRE', KEYS[1], ARGV[3])
			redis.call('HDEL', KEYS[2], ARGV[1])
			return 1
			""", Long.class);

	private static final RedisScript<Long> DISCONNECTED = RedisScript.of("""
			redis.call('SREM', KEYS[1], ARGV[2])
			if redis.call('SCARD', KEYS[1]) == 0 and redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then
			  redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
			  redis.call('PEXPIRE', KEYS[2], ARGV[4])
			end
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	RedisConnections(StringRedisTemplate redis, RedisKeys keys) {
		this.redis = redis;
		this.keys = keys;
	}

	private String sessions(String participant) {
		return this.keys.of("sessions", participant);
	}

	private String gone() {
		return this.keys.of("participants-gone");
	}

	@Override
	public void connected(String participant, String sessionId) {
		this.redis.execute(CONNECTED, List.of(sessions(participant), gone()), participant, sessionId,
				Long.toString(TTL.toMillis()));
	}

	@Override
	public void disconnected(String participant, String sessionId, Instant at) {
		this.redis.execute(DISCONNECTED, List.of(sessions(participant), gone()), participant, sessionId,
				Long.toString(at.toEpochMilli()), Long.toString(TTL.toMillis()));
	}

	@Override
	public Optional<Instant> disconnectedSince(String participant) {
		Object value = this.redis.opsForHash().get(gone(), participant);
		return Optional.ofNullable(value).map((millis) -> Instant.ofEpochMilli(Long.parseLong((String) millis)));
	}

}
