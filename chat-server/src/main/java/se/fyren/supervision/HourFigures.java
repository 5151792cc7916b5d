package se.fyren.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What happened in one queue during one hour. Aggregates and durations only:
 * no chat id, no visitor, no text.
 *
 * @param hour start of the hour
 * @param arrivals visitors who joined the queue
 * @param answeredWaits how long each chat taken in this hour had waited
 * @param abandoned visitors who left the queue before anyone took their chat
 * @param maxOnDuty most counsellors serving the queue on duty at a sample
 * @param outcomes ended chats per outcome category
 */
public record HourFigures(Instant hour, int arrivals, List<Duration> answeredWaits, int abandoned, int maxOnDuty,
		Map<String, Integer> outcomes) {

	public HourFigures {
		answeredWaits = List.copyOf(answeredWaits);
		outcomes = Map.copyOf(outcomes);
	}

}
