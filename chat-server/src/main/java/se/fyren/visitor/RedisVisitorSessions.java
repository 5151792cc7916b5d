package se.fyren.visitor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import se.fyren.system.RedisExpiringWrites;
import se.fyren.system.RedisKeys;

/**
 * Visitor sessions in Redis, for cluster mode. One hash per session under the
 * hash of its token (never the token), expiring after the idle timeout, and a
 * sorted set by last use for {@link #removeNotSeenSince}.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisVisitorSessions implements VisitorSessions {

	// The session is written together with its expiry (see RedisExpiringWrites).
	private static final RedisScript<Long> SAVE_SESSION = RedisScript.of("""
			redis.call('HSET', KEYS[1], 'id', ARGV[1], 'lastSeen', ARGV[2])
			return redis.call('PEXPIRE', KEYS[1], ARGV[3])
			""", Long.class);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Duration idleTimeout;

	RedisVisitorSessions(StringRedisTemplate redis, RedisKeys keys,
			@Value("${fyren.visitor.session-idle-timeout:12h}") Duration idleTimeout) {
		this.redis = redis;
		this.keys = keys;
		this.idleTimeout = idleTimeout;
	}

	private String sessionKey(String tokenHash) {
		return this.keys.of("visitor", tokenHash);
	}

	private String byLastSeen() {
		return this.keys.of("visitors-by-last-seen");
	}

	@Override
	public void save(VisitorSession session) {
		String lastSeen = Long.toString(session.lastSeen().toEpochMilli());
		String ttl = Long.toString(this.idleTimeout.toMillis());
		this.redis.execute(SAVE_SESSION, List.of(sessionKey(session.tokenHash())), session.id(), lastSeen, ttl);
		RedisExpiringWrites.addToSortedSet(this.redis, byLastSeen(), session.tokenHash(), session.lastSeen().toEpochMilli(),
				this.idleTimeout);
	}

	@Override
	public Optional<VisitorSession> findByTokenHash(String tokenHash) {
		Map<Object, Object> fields = this.redis.opsForHash().entries(sessionKey(tokenHash));
		if (fields.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new VisitorSession((String) fields.get("id"), tokenHash,
				Instant.ofEpochMilli(Long.parseLong((String) fields.get("lastSeen")))));
	}

	@Override
	public int removeNotSeenSince(Instant cutoff) {
		long before = cutoff.toEpochMilli();
		Set<String> idle = this.redis.opsForZSet().rangeByScore(byLastSeen(), Double.NEGATIVE_INFINITY, before - 1);
		int removed = 0;
		for (String tokenHash : (idle != null) ? idle : Set.<String>of()) {
			// Seen again meanwhile (on any node): keep it.
			boolean stillIdle = findByTokenHash(tokenHash).map((session) -> session.lastSeen().isBefore(cutoff))
				.orElse(true);
			if (stillIdle) {
				if (Boolean.TRUE.equals(this.redis.delete(sessionKey(tokenHash)))) {
					removed++;
				}
				this.redis.opsForZSet().remove(byLastSeen(), tokenHash);
			}
		}
		return removed;
	}

}
