package se.fyren.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate-limit settings.
 *
 * @param budgets per limit: how many in how long; limits not named keep their defaults
 * @param addressSecret secret for keying client addresses; set the same value on every
 * node in cluster mode so all nodes count an address alike; empty means a random
 * secret per node, which is right for embedded mode
 * @param addressKeyRotation how often the address key changes, so no key outlives
 * this window
 * @param redisKeyPrefix prefix of the bucket keys in Redis (cluster mode)
 * @param redisTimeout longest wait for Redis per decision before the limit's
 * fail-open or fail-closed choice applies
 */
@ConfigurationProperties("fyren.rate-limit")
public record RateLimitProperties(Map<Limit, Budget> budgets, @DefaultValue("") String addressSecret,
		@DefaultValue("6h") Duration addressKeyRotation, @DefaultValue("fyren:rl:") String redisKeyPrefix,
		@DefaultValue("500ms") Duration redisTimeout) {

	/** The defaults, chosen so a whole school or shelter behind one address still gets in. */
	static final Map<Limit, Budget> DEFAULTS = Map.of(Limit.VISITOR_SESSION, new Budget(60, Duration.ofMinutes(1)),
			Limit.QUEUE_JOIN, new Budget(10, Duration.ofMinutes(10)), Limit.CHAT_MESSAGE,
			new Budget(60, Duration.ofMinutes(1)), Limit.CONNECTION_FRAMES, new Budget(120, Duration.ofMinutes(1)),
			Limit.LETTERBOX, new Budget(20, Duration.ofHours(1)), Limit.STAFF_LOGIN,
			new Budget(30, Duration.ofMinutes(5)), Limit.STAFF_LOGIN_FAILURE, new Budget(5, Duration.ofMinutes(15)));

	public RateLimitProperties {
		Map<Limit, Budget> merged = new EnumMap<>(DEFAULTS);
		if (budgets != null) {
			merged.putAll(budgets);
		}
		budgets = Map.copyOf(merged);
	}

	/** The budget of a limit. */
	public Budget budget(Limit limit) {
		return this.budgets.get(limit);
	}

	/**
	 * How many in how long. The budget refills evenly over the period, except
	 * for failed logins, which refill all at once at its end (a lockout).
	 *
	 * @param capacity how many at most
	 * @param period in how long
	 */
	public record Budget(long capacity, Duration period) {
	}

}
