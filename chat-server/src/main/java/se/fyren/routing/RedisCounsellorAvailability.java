package se.fyren.routing;

import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import se.fyren.system.RedisKeys;

/**
 * Counsellor availability in Redis, for cluster mode: two hashes of instants
 * by username.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisCounsellorAvailability implements CounsellorAvailability {

	private final RedisInstants lastChat;

	private final RedisInstants paused;

	RedisCounsellorAvailability(StringRedisTemplate redis, RedisKeys keys) {
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

}
