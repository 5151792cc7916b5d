package se.fyren.routing;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link WaitStatistics} must do; one subclass per implementation.
 */
abstract class WaitStatisticsContract {

	WaitStatistics statistics;

	protected abstract WaitStatistics createStatistics();

	@BeforeEach
	void setUpStatistics() {
		this.statistics = createStatistics();
	}

	@Test
	void averagesTheHandlingTimesOfEachQueue() {
		assertThat(this.statistics.averageHandling("youth")).isEmpty();
		this.statistics.recordHandling("youth", Duration.ofMinutes(10));
		this.statistics.recordHandling("youth", Duration.ofMinutes(20));
		this.statistics.recordHandling("buys-sex", Duration.ofMinutes(60));
		assertThat(this.statistics.averageHandling("youth")).contains(Duration.ofMinutes(15));
		assertThat(this.statistics.averageHandling("buys-sex")).contains(Duration.ofMinutes(60));
	}

	@Test
	void oldHandlingTimesFallOutOfTheWindow() {
		this.statistics.recordHandling("q", Duration.ofHours(10));
		for (int i = 0; i < 200; i++) {
			this.statistics.recordHandling("q", Duration.ofMinutes(5));
		}
		assertThat(this.statistics.averageHandling("q")).contains(Duration.ofMinutes(5));
	}

}
