package se.fyren.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the real Redis, under a key prefix of its own.
 */
class RedisRateLimitBucketsTests extends RateLimitBucketsContract {

	static final String REDIS_URL = System.getenv().getOrDefault("FYREN_TEST_REDIS_URL", "redis://127.0.0.1:6379");

	private final String prefix = "fyren-test:" + UUID.randomUUID() + ":";

	// A generous timeout for the working Redis: on a loaded machine the first
	// call can pass 500 ms, and a timeout fails the login limits closed.
	private final RedisRateLimitBuckets buckets = new RedisRateLimitBuckets(
			properties(this.prefix, Duration.ofSeconds(5)), REDIS_URL);

	static RateLimitProperties properties(String prefix, Duration redisTimeout) {
		return new RateLimitProperties(Map.of(), "", Duration.ofHours(6), prefix, redisTimeout);
	}

	@Override
	RateLimitBuckets buckets() {
		return this.buckets;
	}

	@AfterEach
	void removeThisTestsKeys() {
		this.buckets.destroy();
		RedisClient client = RedisClient.create(REDIS_URL);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			ScanCursor cursor = ScanCursor.INITIAL;
			do {
				KeyScanCursor<String> page = connection.sync().scan(cursor, ScanArgs.Builder.matches(this.prefix + "*"));
				if (!page.getKeys().isEmpty()) {
					connection.sync().del(page.getKeys().toArray(String[]::new));
				}
				cursor = page;
			}
			while (!cursor.isFinished());
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void bucketsLiveInRedisAndExpire() {
		String key = key(Limit.LETTERBOX);
		this.buckets.tryConsume(key, THREE_PER_HOUR);
		RedisClient client = RedisClient.create(REDIS_URL);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			String stored = RedisRateLimitBuckets.redisKey(this.prefix, key);
			assertThat(stored).startsWith(this.prefix + "LETTERBOX:").doesNotContain(key.substring(key.indexOf(':') + 1));
			assertThat(connection.sync().exists(stored)).isEqualTo(1);
			assertThat(connection.sync().pttl(stored)).isPositive();
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void whenRedisIsDownVisitorLimitsFailOpenAndLoginLimitsFailClosedQuickly() {
		RedisRateLimitBuckets unreachable = new RedisRateLimitBuckets(properties(this.prefix, Duration.ofMillis(500)),
				"redis://127.0.0.1:1");
		try {
			long start = System.nanoTime();
			assertThat(unreachable.tryConsume(key(Limit.VISITOR_SESSION), THREE_PER_HOUR).allowed()).isTrue();
			assertThat(unreachable.tryConsume(key(Limit.CHAT_MESSAGE), THREE_PER_HOUR).allowed()).isTrue();
			assertThat(unreachable.tryConsume(key(Limit.STAFF_LOGIN), THREE_PER_HOUR).allowed()).isFalse();
			assertThat(unreachable.peek(key(Limit.STAFF_LOGIN_FAILURE), THREE_PER_HOUR).allowed()).isFalse();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		}
		finally {
			unreachable.destroy();
		}
	}

}
