package se.fyren.visitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import se.fyren.system.RedisKeys;

/**
 * Blocks in Redis, for cluster mode: one key per blocked session holding the
 * end of the block, expiring when the block does.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisVisitorBlocks implements VisitorBlocks {

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Clock clock;

	RedisVisitorBlocks(StringRedisTemplate redis, RedisKeys keys, Clock clock) {
		this.redis = redis;
		this.keys = keys;
		this.clock = clock;
	}

	@Override
	public void block(String visitorId, Instant until) {
		Duration left = Duration.between(this.clock.instant(), until);
		// Nodes' clocks differ a little: Redis keeps the key a minute longer than the block, and the end decides.
		Duration kept = (left.isNegative() ? Duration.ZERO : left).plusMinutes(1);
		this.redis.opsForValue().set(key(visitorId), Long.toString(until.toEpochMilli()), kept);
	}

	@Override
	public Optional<Instant> blockedUntil(String visitorId, Instant now) {
		return Optional.ofNullable(this.redis.opsForValue().get(key(visitorId)))
			.map((millis) -> Instant.ofEpochMilli(Long.parseLong(millis)))
			.filter(now::isBefore);
	}

	private String key(String visitorId) {
		return this.keys.of("visitor-block", visitorId);
	}

}
