package se.fyren.supervision;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WaitPercentilesTests {

	private static List<Duration> seconds(long... values) {
		return java.util.Arrays.stream(values).mapToObj(Duration::ofSeconds).toList();
	}

	@Test
	void medianOfAnEvenCountLiesBetweenTheMiddleTwo() {
		assertThat(WaitPercentiles.of(seconds(120, 30, 90, 60), 0.5)).isEqualTo(Duration.ofSeconds(75));
	}

	@Test
	void ninetiethPercentileInterpolatesLikeASpreadsheet() {
		// PERCENTILE.INC({30,90,180}, 0.9) = 162
		assertThat(WaitPercentiles.of(seconds(30, 90, 180), 0.9)).isEqualTo(Duration.ofSeconds(162));
	}

	@Test
	void oneWaitIsEveryPercentile() {
		assertThat(WaitPercentiles.of(seconds(42), 0.9)).isEqualTo(Duration.ofSeconds(42));
	}

	@Test
	void noWaitsHaveNoPercentile() {
		assertThat(WaitPercentiles.of(List.of(), 0.5)).isNull();
	}

}
