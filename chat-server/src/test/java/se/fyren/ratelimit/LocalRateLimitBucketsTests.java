package se.fyren.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalRateLimitBucketsTests extends RateLimitBucketsContract {

	private final LocalRateLimitBuckets buckets = new LocalRateLimitBuckets();

	@Override
	RateLimitBuckets buckets() {
		return this.buckets;
	}

	@Test
	void fullBucketsAreDroppedAndUsedOnesKept() {
		String idle = key(Limit.QUEUE_JOIN);
		String used = key(Limit.QUEUE_JOIN);
		this.buckets.peek(idle, THREE_PER_HOUR);
		this.buckets.tryConsume(used, THREE_PER_HOUR);
		this.buckets.dropFullBuckets();
		// The used bucket still remembers what was taken: two left, then refused.
		assertThat(this.buckets.tryConsume(used, THREE_PER_HOUR).allowed()).isTrue();
		assertThat(this.buckets.tryConsume(used, THREE_PER_HOUR).allowed()).isTrue();
		assertThat(this.buckets.tryConsume(used, THREE_PER_HOUR).allowed()).isFalse();
	}

}
