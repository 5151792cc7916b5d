package se.fyren.statistics;

import java.util.List;

/**
 * Renders daily cells as CSV. A cell counting fewer than
 * {@value #SMALLEST_SHOWN} is shown as {@code <5} and its duration left out,
 * so that a rare combination (one 15-year-old speaking Thai on a Tuesday)
 * cannot point to a person.
 */
final class StatisticsTable {

	static final int SMALLEST_SHOWN = 5;

	static final String HEADER = "day,queue,category,value,count,average_seconds";

	private StatisticsTable() {
	}

	static String csv(List<DailyCounts.Cell> cells) {
		StringBuilder csv = new StringBuilder(HEADER).append('\n');
		for (DailyCounts.Cell cell : cells) {
			boolean shown = cell.count() >= SMALLEST_SHOWN;
			csv.append(cell.day())
				.append(',')
				.append(field(cell.queue()))
				.append(',')
				.append(field(cell.category()))
				.append(',')
				.append(field(cell.value()))
				.append(',')
				.append(shown ? Long.toString(cell.count()) : "<" + SMALLEST_SHOWN)
				.append(',')
				.append((shown && cell.seconds() > 0) ? Long.toString(Math.round((double) cell.seconds() / cell.count())) : "")
				.append('\n');
		}
		return csv.toString();
	}

	/** Values are configured ids; quoted anyway so a comma or quote never breaks a row or a spreadsheet. */
	private static String field(String value) {
		String safe = value.replace("\"", "\"\"");
		if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
			safe = "'" + safe;
		}
		return "\"" + safe + "\"";
	}

}
