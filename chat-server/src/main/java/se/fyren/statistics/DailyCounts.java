package se.fyren.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * Anonymous statistics: counts and summed durations per day, queue and
 * category value. Holds no chat id, no text, no time finer than a day, so it
 * is kept apart from transcripts and outlives them.
 */
public interface DailyCounts {

	/** Adds one to the cell and the seconds to its summed duration. */
	void add(LocalDate day, String queue, String category, String value, long seconds);

	/** Every cell from {@code from} to {@code to}, both inclusive, in no particular order. */
	List<Cell> between(LocalDate from, LocalDate to);

	/**
	 * One cell of the table.
	 *
	 * @param day the day (service time zone)
	 * @param queue the queue id
	 * @param category what is counted, for example {@code age-band} or {@code handover}
	 * @param value the category's value, for example {@code 15-17}
	 * @param count how many
	 * @param seconds summed duration, 0 where none applies
	 */
	record Cell(LocalDate day, String queue, String category, String value, long count, long seconds) {
	}

}
