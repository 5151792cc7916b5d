package se.fyren.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Hourly aggregates per queue, for the dashboard's "today" figures and the
 * staffing history. Kept apart from chats and transcripts and never holding
 * anything about a person; an implementation keeps at least the configured
 * number of history days.
 */
public interface QueueStatistics {

	/** A visitor joined the queue. */
	void arrived(String queue, Instant at);

	/** A counsellor took a chat that had waited this long. */
	void answered(String queue, Instant at, Duration waited);

	/** A visitor left the queue before anyone took their chat. */
	void abandoned(String queue, Instant at);

	/** A sample of how many counsellors serving the queue are on duty; the hour keeps the largest. */
	void staffed(String queue, Instant at, int onDuty);

	/** A chat of the queue ended with this outcome category. */
	void outcome(String queue, Instant at, String outcome);

	/**
	 * The hours of the queue that start in {@code [from, to)} and saw anything,
	 * oldest first.
	 */
	List<HourFigures> hours(String queue, Instant from, Instant to);

	/** Forgets every hour that starts before the cutoff. */
	void forgetBefore(Instant cutoff);

}
