package se.fyren.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import se.fyren.system.ErrorCode;
import se.fyren.system.FyrenException;
import se.fyren.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RateLimitsTests {

	private final RateLimits limits = new RateLimits(new LocalRateLimitBuckets(), new RateLimitProperties(
			Map.of(Limit.LETTERBOX, new RateLimitProperties.Budget(2, Duration.ofHours(1))), "", Duration.ofHours(6),
			"fyren:rl:", Duration.ofMillis(500)), new SimpleMeterRegistry());

	@Test
	void aNamedLimitRefusesWithRateLimitedAndARetryAfter() {
		this.limits.check(Limit.LETTERBOX, "address-key");
		this.limits.check(Limit.LETTERBOX, "address-key");
		assertThatExceptionOfType(FyrenException.class).isThrownBy(() -> this.limits.check(Limit.LETTERBOX, "address-key"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.RATE_LIMITED);
				assertThat(ex.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
			});
		this.limits.check(Limit.LETTERBOX, "another-address-key");
	}

	@Test
	void limitsNotConfiguredKeepTheirDefaults() {
		assertThat(this.limits.configuration(Limit.VISITOR_SESSION).getBandwidths()[0].getCapacity())
			.isEqualTo(RateLimitProperties.DEFAULTS.get(Limit.VISITOR_SESSION).capacity());
	}

	@Test
	void addressKeysHideTheAddressAndChangeWithEachWindow() {
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		ClientAddressKeys keys = new ClientAddressKeys(new RateLimitProperties(Map.of(), "shared-secret",
				Duration.ofHours(6), "fyren:rl:", Duration.ofMillis(500)), clock);
		String first = keys.keyOf("203.0.113.7");
		assertThat(first).doesNotContain("203").doesNotContain("113").hasSize(22);
		assertThat(keys.keyOf("203.0.113.7")).isEqualTo(first);
		assertThat(keys.keyOf("203.0.113.8")).isNotEqualTo(first);
		clock.advance(Duration.ofHours(6));
		assertThat(keys.keyOf("203.0.113.7")).isNotEqualTo(first);
		// Two nodes with the same secret key an address alike; without one, each node has its own.
		ClientAddressKeys otherNode = new ClientAddressKeys(new RateLimitProperties(Map.of(), "shared-secret",
				Duration.ofHours(6), "fyren:rl:", Duration.ofMillis(500)), clock);
		assertThat(otherNode.keyOf("203.0.113.7")).isEqualTo(keys.keyOf("203.0.113.7"));
		ClientAddressKeys randomSecret = new ClientAddressKeys(new RateLimitProperties(Map.of(), "",
				Duration.ofHours(6), "fyren:rl:", Duration.ofMillis(500)), Clock.systemUTC());
		assertThat(randomSecret.keyOf("203.0.113.7")).isNotEqualTo(keys.keyOf("203.0.113.7"));
	}

}
