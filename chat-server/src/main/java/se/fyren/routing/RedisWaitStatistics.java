package se.fyren.routing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import se.fyren.system.RedisExpiringWrites;
import se.fyren.system.RedisKeys;

/**
 * The last {@value #WINDOW} handling times per queue in Redis, for cluster
 * mode: one capped list of milliseconds per queue.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisWaitStatistics implements WaitStatistics {

	static final int WINDOW = 50;

	private static final Duration TTL = Duration.ofDays(7);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	RedisWaitStatistics(StringRedisTemplate redis, RedisKeys keys) {
		this.redis = redis;
		this.keys = keys;
	}

	private String handling(String queue) {
		return this.keys.of("handling-times", queue);
	}

	@Override
	public void recordHandling(String queue, Duration duration) {
		RedisExpiringWrites.pushToCappedList(this.redis, handling(queue), Long.toString(duration.toMillis()), WINDOW, TTL);
	}

	@Override
	public Optional<Duration> averageHandling(String queue) {
		List<String> recent = this.redis.opsForList().range(handling(queue), 0, WINDOW - 1);
		if (recent == null || recent.isEmpty()) {
			return Optional.empty();
		}
		long total = recent.stream().mapToLong(Long::parseLong).sum();
		return Optional.of(Duration.ofMillis(total / recent.size()));
	}

}
