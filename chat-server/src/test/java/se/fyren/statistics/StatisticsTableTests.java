package se.fyren.statistics;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatisticsTableTests {

	static final LocalDate DAY = LocalDate.parse("2026-03-02");

	@Test
	void cellsUnderFiveAreShownAsLessThanFiveWithoutTheirDuration() {
		String csv = StatisticsTable.csv(List.of(new DailyCounts.Cell(DAY, "youth", "chats", "all", 4, 400),
				new DailyCounts.Cell(DAY, "youth", "chats", "all", 5, 500)));
		assertThat(csv).isEqualTo(StatisticsTable.HEADER + "\n" + "2026-03-02,\"youth\",\"chats\",\"all\",<5,\n"
				+ "2026-03-02,\"youth\",\"chats\",\"all\",5,100\n");
	}

	@Test
	void aValueCannotBreakARowOrStartAFormula() {
		String csv = StatisticsTable.csv(List.of(new DailyCounts.Cell(DAY, "q", "municipality", "=HYPERLINK(\"x\",1)", 9, 0)));
		assertThat(csv).contains(",\"'=HYPERLINK(\"\"x\"\",1)\",9,\n");
	}

}
