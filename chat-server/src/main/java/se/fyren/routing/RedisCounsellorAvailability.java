package se.fyren.routing;

import java.time.Instant;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import se.fyren.system.RedisExpiringWrites;
import se.fyren.system.RedisKeys;

/**
 * Counsellor availability in Redis, for cluster mode: two hashes of instants
 * by username, and a set of who has paused themselves.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisCounsellorAvailability implements CounsellorAvailability {

	private final RedisInstants lastChat;

	/** Outlives any shift, like the duty set; every pause renews it. */
	private static final Duration PAUSED_TTL = Duration.ofHours(24);

	private final RedisInstants paused;

	private final StringRedisTemplate redis;

	private final String pausedKey;

	RedisCounsellorAvailability(StringRedisTemplate redis, RedisKeys keys) {
		this.redis = redis;
		this.pausedKey = keys.of("counsellors-paused");
		this.lastChat = new RedisInstants(redis, keys, "counsellor-last-chat");
		this.paused = new RedisInstants(redis, keys, "counsellor-paused");
	}

	@Override
	public void chatStarted(String username, Instant at) {
		this.lastChat.putLatest(username, at);
	}

	@Override
	public Optional<Instant> lastChatAt(String username) {
		return this.lastChat.get(username);
	}

	@Override
	public void pauseUntil(String username, Instant until) {
		this.paused.put(username, until);
	}

	@Override
	public Optional<Instant> pausedUntil(String username) {
		return this.paused.get(username);
	}

	@Override
	public void setPaused(String username, boolean paused) {
		if (paused) {
			RedisExpiringWrites.addToSet(this.redis, this.pausedKey, username, PAUSED_TTL);
		}
		else {
			this.redis.opsForSet().remove(this.pausedKey, username);
		}
	}

	@Override
	public Set<String> paused() {
		Set<String> members = this.redis.opsForSet().members(this.pausedKey);
		return (members != null) ? Set.copyOf(members) : Set.of();
	}

}
