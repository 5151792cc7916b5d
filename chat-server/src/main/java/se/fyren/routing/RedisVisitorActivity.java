package se.fyren.routing;

import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import se.fyren.system.RedisKeys;

/**
 * Visitor activity in Redis, for cluster mode: two hashes of instants by chat
 * id, emptied as chats end.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisVisitorActivity implements VisitorActivity {

	private final RedisInstants seen;

	private final RedisInstants warned;

	RedisVisitorActivity(StringRedisTemplate redis, RedisKeys keys) {
		this.seen = new RedisInstants(redis, keys, "visitor-seen");
		this.warned = new RedisInstants(redis, keys, "visitor-warned");
	}

	@Override
	public void seen(String chatId, Instant at) {
		this.seen.putLatest(chatId, at);
		this.warned.remove(chatId);
	}

	@Override
	public Optional<Instant> lastSeen(String chatId) {
		return this.seen.get(chatId);
	}

	@Override
	public void warned(String chatId, Instant at) {
		this.warned.put(chatId, at);
	}

	@Override
	public Optional<Instant> warnedAt(String chatId) {
		return this.warned.get(chatId);
	}

	@Override
	public void forget(String chatId) {
		this.seen.remove(chatId);
		this.warned.remove(chatId);
	}

}
