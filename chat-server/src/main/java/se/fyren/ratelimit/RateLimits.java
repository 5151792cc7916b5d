package se.fyren.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import se.fyren.system.ErrorCode;
import se.fyren.system.FyrenException;

/**
 * The one way to apply a rate limit: {@code rateLimits.check(Limit.LETTERBOX, key)}.
 * Keys are opaque to this class; callers pass an id (visitor session, chat,
 * username) or a {@link ClientAddressKeys} key, never a raw address. A limited
 * client gets {@link ErrorCode#RATE_LIMITED} with a retry-after; nobody else is
 * affected, because every key has its own bucket.
 * <p>
 * Every refusal counts in {@code fyren_rate_limited_total{limit}}, which the
 * rate-limit spike alert watches. The counters exist from startup, at zero,
 * so the alert and the dashboard see every limit before its first refusal.
 */
@Component
public class RateLimits {

	private final RateLimitBuckets buckets;

	private final Map<Limit, BucketConfiguration> configurations = new ConcurrentHashMap<>();

	private final RateLimitProperties properties;

	private final Map<Limit, Counter> refusals = new EnumMap<>(Limit.class);

	RateLimits(RateLimitBuckets buckets, RateLimitProperties properties, MeterRegistry meters) {
		this.buckets = buckets;
		this.properties = properties;
		for (Limit limit : Limit.values()) {
			this.refusals.put(limit, Counter.builder("fyren.rate.limited")
				.description("Requests refused by a rate limit")
				.tag("limit", limit.name().toLowerCase(Locale.ROOT))
				.register(meters));
		}
	}

	/** Takes one from the key's budget, or throws RATE_LIMITED with the time to wait. */
	public void check(Limit limit, String key) {
		Decision decision = tryAcquire(limit, key);
		if (!decision.allowed()) {
			throw new FyrenException(ErrorCode.RATE_LIMITED, "Too many requests; try again later",
					decision.retryAfter());
		}
	}

	/** Takes one from the key's budget if there is one; the caller refuses when it is not allowed. */
	public Decision tryAcquire(Limit limit, String key) {
		return counted(limit, spend(limit, key));
	}

	/**
	 * Takes one from the key's budget to count an event (a failed login), not
	 * to decide on a request, so an empty budget here is no refusal.
	 */
	public Decision spend(Limit limit, String key) {
		return this.buckets.tryConsume(bucketKey(limit, key), configuration(limit));
	}

	/** Whether the key's budget has one left, without taking it; the caller refuses when it has not (lockouts). */
	public Decision peek(Limit limit, String key) {
		return counted(limit, this.buckets.peek(bucketKey(limit, key), configuration(limit)));
	}

	/** Counts a refusal decided elsewhere (frames counted on this node). */
	void refused(Limit limit) {
		this.refusals.get(limit).increment();
	}

	private Decision counted(Limit limit, Decision decision) {
		if (!decision.allowed()) {
			refused(limit);
		}
		return decision;
	}

	/** The bucket settings of a limit, for counting that must stay on this node. */
	BucketConfiguration configuration(Limit limit) {
		return this.configurations.computeIfAbsent(limit, (l) -> {
			RateLimitProperties.Budget budget = this.properties.budget(l);
			Bandwidth bandwidth = (l == Limit.STAFF_LOGIN_FAILURE)
					? Bandwidth.builder().capacity(budget.capacity()).refillIntervally(budget.capacity(), budget.period()).build()
					: Bandwidth.builder().capacity(budget.capacity()).refillGreedy(budget.capacity(), budget.period()).build();
			return BucketConfiguration.builder().addLimit(bandwidth).build();
		});
	}

	Duration period(Limit limit) {
		return this.properties.budget(limit).period();
	}

	private static String bucketKey(Limit limit, String key) {
		return limit.name() + ":" + key;
	}

}
