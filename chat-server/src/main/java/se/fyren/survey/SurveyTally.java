package se.fyren.survey;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Counts survey answers as aggregates (day × queue × answer). To accept one
 * answer per chat it remembers which chat ids have answered, without the
 * answer, and only for {@link #ANSWERED_MEMORY}: a chat's transcript and
 * record are gone well before that, so no later answer can be given anyway.
 */
public interface SurveyTally {

	/** How long an answered chat id is remembered. */
	Duration ANSWERED_MEMORY = Duration.ofDays(2);

	/**
	 * Counts one answer for a chat, unless that chat has answered before.
	 * @param chatId the chat answered about
	 * @param day the day to count it on
	 * @param queue the chat's queue
	 * @param answer the answer
	 * @param now the current time, for forgetting old chat ids
	 * @return true if counted, false if the chat had already answered
	 */
	boolean record(String chatId, LocalDate day, String queue, SurveyAnswer answer, Instant now);

	/** Every non-zero count, ordered by day, queue and answer. */
	List<SurveyCount> counts();

}
