package se.fyren.queue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpeningHoursTests {

	// Office hours in Stockholm; Christmas Eve closed, 5 January short.
	final OpeningHours hours = OpeningHours.of(new QueueProperties.Hours(null,
			Map.of(DayOfWeek.MONDAY, List.of("09:00-16:00"), DayOfWeek.WEDNESDAY, List.of("09:00-12:00", "13:00-19:00"),
					DayOfWeek.THURSDAY, List.of("09:00-16:00"), DayOfWeek.FRIDAY, List.of("22:00-24:00")),
			List.of(new QueueProperties.DatedHours(LocalDate.parse("2026-12-24"), List.of()),
					new QueueProperties.DatedHours(LocalDate.parse("2027-01-05"), List.of("10:00-11:00")))));

	@Test
	void isOpenWithinTheWeeklySpansInStockholmTime() {
		// Monday 2 March 2026, 09:30 in Stockholm is 08:30 UTC.
		assertThat(this.hours.isOpen(Instant.parse("2026-03-02T08:30:00Z"))).isTrue();
		assertThat(this.hours.isOpen(Instant.parse("2026-03-02T07:59:59Z"))).isFalse();
		assertThat(this.hours.isOpen(Instant.parse("2026-03-02T15:00:00Z"))).isFalse();
		// Wednesday lunch is closed.
		assertThat(this.hours.isOpen(Instant.parse("2026-03-04T11:30:00Z"))).isFalse();
		// Friday until midnight.
		assertThat(this.hours.isOpen(Instant.parse("2026-03-06T22:59:59Z"))).isTrue();
		// Summer time: Monday 1 June, 09:30 in Stockholm is 07:30 UTC.
		assertThat(this.hours.isOpen(Instant.parse("2026-06-01T07:30:00Z"))).isTrue();
	}

	@Test
	void datedExceptionsReplaceTheWeekday() {
		// Thursday 24 December 2026 is closed all day.
		assertThat(this.hours.isOpen(Instant.parse("2026-12-24T10:00:00Z"))).isFalse();
		// Tuesday 5 January 2027 opens 10-11 although Tuesdays are closed.
		assertThat(this.hours.isOpen(Instant.parse("2027-01-05T09:30:00Z"))).isTrue();
	}

	@Test
	void tellsWhenAClosedQueueNextOpens() {
		// Monday evening: next is Wednesday 09:00 Stockholm.
		assertThat(this.hours.nextOpening(Instant.parse("2026-03-02T17:00:00Z")))
			.contains(Instant.parse("2026-03-04T08:00:00Z"));
		// Wednesday lunch: 13:00 the same day.
		assertThat(this.hours.nextOpening(Instant.parse("2026-03-04T11:30:00Z")))
			.contains(Instant.parse("2026-03-04T12:00:00Z"));
		// Christmas Eve: skips to Monday 28 December.
		assertThat(this.hours.nextOpening(Instant.parse("2026-12-24T10:00:00Z")))
			.contains(Instant.parse("2026-12-25T21:00:00Z"));
		assertThat(this.hours.nextOpening(Instant.parse("2026-03-02T08:30:00Z"))).isEmpty();
	}

	@Test
	void withoutHoursAQueueIsAlwaysOpen() {
		assertThat(OpeningHours.of(null).isOpen(Instant.parse("2026-12-24T03:00:00Z"))).isTrue();
	}

	@Test
	void refusesMalformedSpans() {
		assertThatThrownBy(() -> OpeningHours.of(new QueueProperties.Hours(null,
				Map.of(DayOfWeek.MONDAY, List.of("16:00-09:00")), List.of())))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> OpeningHours.of(new QueueProperties.Hours(null,
				Map.of(DayOfWeek.MONDAY, List.of("nine to five")), List.of())))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
