package se.fyren.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Buckets in this node's memory, for embedded mode. A full bucket holds no
 * information, so it is dropped on the next sweep: the map only holds keys
 * that were active within a period.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class LocalRateLimitBuckets implements RateLimitBuckets {

	private final Map<String, Local> buckets = new ConcurrentHashMap<>();

	@Override
	public Decision tryConsume(String key, BucketConfiguration configuration) {
		ConsumptionProbe probe = bucket(key, configuration).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Decision.ALLOWED : Decision.refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	@Override
	public Decision peek(String key, BucketConfiguration configuration) {
		EstimationProbe probe = bucket(key, configuration).estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? Decision.ALLOWED
				: Decision.refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	@Scheduled(fixedDelayString = "${fyren.retention.purge-interval:1m}")
	void dropFullBuckets() {
		this.buckets.values()
			.removeIf((local) -> local.bucket().getAvailableTokens() >= local.capacity());
	}

	private Bucket bucket(String key, BucketConfiguration configuration) {
		return this.buckets.computeIfAbsent(key,
				(k) -> new Local(Bucket.builder().addLimit(configuration.getBandwidths()[0]).build(),
						configuration.getBandwidths()[0].getCapacity()))
			.bucket();
	}

	private record Local(Bucket bucket, long capacity) {
	}

}
