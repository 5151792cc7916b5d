package se.fyren.ratelimit;

import java.time.Duration;

/**
 * Whether one more is allowed now.
 *
 * @param allowed whether it is
 * @param retryAfter when refused: how long until one more would be allowed
 */
public record Decision(boolean allowed, Duration retryAfter) {

	static final Decision ALLOWED = new Decision(true, Duration.ZERO);

	static Decision refused(Duration retryAfter) {
		return new Decision(false, retryAfter);
	}

}
