package se.fyren.supervision;

import java.time.Duration;
import java.util.List;

/**
 * Percentiles of waits, interpolated between neighbours the way spreadsheets'
 * PERCENTILE.INC does, so supervisors get the same figure when they check it
 * by hand: the median of 30, 60, 90 and 120 seconds is 75 seconds.
 */
final class WaitPercentiles {

	private WaitPercentiles() {
	}

	/** The p-th percentile (0 to 1) of the waits, or null when there are none. */
	static Duration of(List<Duration> waits, double p) {
		if (waits.isEmpty()) {
			return null;
		}
		long[] millis = waits.stream().mapToLong(Duration::toMillis).sorted().toArray();
		double rank = p * (millis.length - 1);
		int below = (int) Math.floor(rank);
		int above = Math.min(below + 1, millis.length - 1);
		double value = millis[below] + (rank - below) * (millis[above] - millis[below]);
		return Duration.ofMillis(Math.round(value));
	}

}
