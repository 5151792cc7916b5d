package se.fyren.testsupport;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A {@link MutableClock} for the whole server, starting on a Monday at 10:00
 * in Stockholm. Import it into a test that moves time instead of waiting.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ClockAtMondayMorning {

	/** Monday 2 March 2026, 10:00 in Stockholm. */
	public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock(START);
	}

}
