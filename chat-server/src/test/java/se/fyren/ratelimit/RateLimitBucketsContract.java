package se.fyren.ratelimit;

import java.time.Duration;
import java.util.UUID;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every place that keeps rate-limit buckets must do.
 */
abstract class RateLimitBucketsContract {

	static final BucketConfiguration THREE_PER_HOUR = BucketConfiguration.builder()
		.addLimit(Bandwidth.builder().capacity(3).refillGreedy(3, Duration.ofHours(1)).build())
		.build();

	abstract RateLimitBuckets buckets();

	static String key(Limit limit) {
		return limit.name() + ":" + UUID.randomUUID();
	}

	@Test
	void allowsTheCapacityThenRefusesWithTheTimeToWait() {
		String key = key(Limit.QUEUE_JOIN);
		for (int i = 0; i < 3; i++) {
			assertThat(buckets().tryConsume(key, THREE_PER_HOUR).allowed()).isTrue();
		}
		Decision refused = buckets().tryConsume(key, THREE_PER_HOUR);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfter()).isBetween(Duration.ofMinutes(15), Duration.ofMinutes(21));
	}

	@Test
	void everyKeyHasItsOwnBudget() {
		String flooder = key(Limit.CHAT_MESSAGE);
		String bystander = key(Limit.CHAT_MESSAGE);
		for (int i = 0; i < 10; i++) {
			buckets().tryConsume(flooder, THREE_PER_HOUR);
		}
		assertThat(buckets().tryConsume(flooder, THREE_PER_HOUR).allowed()).isFalse();
		assertThat(buckets().tryConsume(bystander, THREE_PER_HOUR).allowed()).isTrue();
	}

	@Test
	void peekingTakesNothing() {
		String key = key(Limit.STAFF_LOGIN_FAILURE);
		for (int i = 0; i < 10; i++) {
			assertThat(buckets().peek(key, THREE_PER_HOUR).allowed()).isTrue();
		}
		for (int i = 0; i < 3; i++) {
			buckets().tryConsume(key, THREE_PER_HOUR);
		}
		assertThat(buckets().peek(key, THREE_PER_HOUR).allowed()).isFalse();
	}

}
