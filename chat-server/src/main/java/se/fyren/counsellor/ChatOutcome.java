package se.fyren.counsellor;

import java.time.Instant;

/**
 * Inside the application: a counsellor ended a chat of the queue with this
 * outcome category, for the statistics. Nothing about the chat itself.
 */
public record ChatOutcome(String queue, String outcome, Instant at) {
}
