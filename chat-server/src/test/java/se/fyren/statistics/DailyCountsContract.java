package se.fyren.statistics;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link DailyCounts} must do; one subclass per implementation.
 */
abstract class DailyCountsContract {

	static final LocalDate DAY = LocalDate.parse("2026-03-02");

	DailyCounts counts;

	protected abstract DailyCounts createCounts();

	@BeforeEach
	void setUpCounts() {
		this.counts = createCounts();
	}

	@Test
	void addsCountsAndSecondsPerCell() {
		this.counts.add(DAY, "youth", "chats", "all", 100);
		this.counts.add(DAY, "youth", "chats", "all", 50);
		this.counts.add(DAY, "youth", "language", "sv", 0);
		assertThat(this.counts.between(DAY, DAY)).containsExactlyInAnyOrder(
				new DailyCounts.Cell(DAY, "youth", "chats", "all", 2, 150),
				new DailyCounts.Cell(DAY, "youth", "language", "sv", 1, 0));
	}

	@Test
	void readsOnlyTheDaysAsked() {
		this.counts.add(DAY.minusDays(1), "youth", "chats", "all", 1);
		this.counts.add(DAY, "youth", "chats", "all", 1);
		this.counts.add(DAY.plusDays(1), "youth", "chats", "all", 1);
		assertThat(this.counts.between(DAY, DAY.plusDays(1))).extracting(DailyCounts.Cell::day)
			.containsExactlyInAnyOrder(DAY, DAY.plusDays(1));
	}

}
