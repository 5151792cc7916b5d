package se.fyren.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link QueueStatistics} must do. Each test uses its own queue
 * names, so implementations backed by a shared store do not see each other's
 * data.
 */
abstract class QueueStatisticsContract {

	static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");

	QueueStatistics statistics;

	String queue;

	String other;

	abstract QueueStatistics create();

	@BeforeEach
	void setUp() {
		this.statistics = create();
		this.queue = "q-" + UUID.randomUUID();
		this.other = "q-" + UUID.randomUUID();
	}

	@Test
	void eventsAreAddedUpPerHour() {
		this.statistics.arrived(this.queue, NINE.plusSeconds(10));
		this.statistics.arrived(this.queue, NINE.plusSeconds(3599));
		this.statistics.answered(this.queue, NINE.plusSeconds(100), Duration.ofSeconds(45));
		this.statistics.answered(this.queue, NINE.plusSeconds(200), Duration.ofSeconds(75));
		this.statistics.abandoned(this.queue, NINE.plusSeconds(300));
		this.statistics.outcome(this.queue, NINE.plusSeconds(400), "referral");
		this.statistics.outcome(this.queue, NINE.plusSeconds(500), "referral");
		this.statistics.arrived(this.queue, NINE.plusSeconds(3600));

		var hours = this.statistics.hours(this.queue, NINE, NINE.plus(Duration.ofHours(2)));

		assertThat(hours).hasSize(2);
		assertThat(hours.get(0).hour()).isEqualTo(NINE);
		assertThat(hours.get(0).arrivals()).isEqualTo(2);
		assertThat(hours.get(0).answeredWaits()).containsExactlyInAnyOrder(Duration.ofSeconds(45),
				Duration.ofSeconds(75));
		assertThat(hours.get(0).abandoned()).isEqualTo(1);
		assertThat(hours.get(0).outcomes()).containsEntry("referral", 2);
		assertThat(hours.get(1).hour()).isEqualTo(NINE.plus(Duration.ofHours(1)));
		assertThat(hours.get(1).arrivals()).isEqualTo(1);
	}

	@Test
	void staffingKeepsTheLargestSampleOfTheHour() {
		this.statistics.staffed(this.queue, NINE.plusSeconds(60), 2);
		this.statistics.staffed(this.queue, NINE.plusSeconds(120), 5);
		this.statistics.staffed(this.queue, NINE.plusSeconds(180), 3);

		assertThat(this.statistics.hours(this.queue, NINE, NINE.plusSeconds(3600)))
			.singleElement()
			.extracting(HourFigures::maxOnDuty)
			.isEqualTo(5);
	}

	@Test
	void hoursAreReadOnlyWithinTheRangeAndTheQueue() {
		this.statistics.arrived(this.queue, NINE.minusSeconds(1));
		this.statistics.arrived(this.queue, NINE.plus(Duration.ofHours(3)));
		this.statistics.arrived(this.other, NINE.plusSeconds(5));

		assertThat(this.statistics.hours(this.queue, NINE, NINE.plus(Duration.ofHours(3)))).isEmpty();
		assertThat(this.statistics.hours(this.other, NINE, NINE.plus(Duration.ofHours(3)))).hasSize(1);
		assertThat(this.statistics.hours("q-" + UUID.randomUUID(), NINE, NINE.plusSeconds(3600))).isEmpty();
	}

	@Test
	void forgettingDropsOnlyHoursBeforeTheCutoff() {
		this.statistics.arrived(this.queue, NINE.minus(Duration.ofDays(2)));
		this.statistics.arrived(this.queue, NINE);

		this.statistics.forgetBefore(NINE.minus(Duration.ofDays(1)));

		assertThat(this.statistics.hours(this.queue, NINE.minus(Duration.ofDays(3)), NINE.plusSeconds(3600)))
			.extracting(HourFigures::hour)
			.containsExactly(NINE);
	}

}
