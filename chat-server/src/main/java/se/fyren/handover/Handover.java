package se.fyren.handover;

import java.time.Instant;
import java.util.List;

/**
 * What the visitor agreed to share with a receiving unit: exactly what they
 * were shown, plus the contact details they typed themselves. This and a
 * report of concern are the only places in Fyren where something identifying
 * may be kept, and they are kept encrypted.
 *
 * @param reference the id the visitor quotes to the unit
 * @param kind a handover with consent, or a report of concern about a child
 * @param unit id of the receiving unit
 * @param queue the queue (target group) the chat was in
 * @param summary the counsellor's summary (for a report of concern: what the
 * child disclosed), or null
 * @param excerpts chosen messages, in order
 * @param contact contact details typed by the visitor, or null
 * @param confirmedAt when the visitor confirmed (a report of concern: when drafted)
 */
public record Handover(String reference, Kind kind, String unit, String queue, String summary, List<Excerpt> excerpts,
		String contact, Instant confirmedAt) {

	public Handover {
		excerpts = (excerpts != null) ? List.copyOf(excerpts) : List.of();
	}

	/** Why a record exists. */
	public enum Kind {

		/** The visitor chose it and confirmed what is shared. */
		HANDOVER,
		/** A counsellor's legal duty to report concern about a child; issued only after a supervisor's sign-off. */
		REPORT_OF_CONCERN

	}

	/**
	 * One message chosen for the handover.
	 *
	 * @param from VISITOR or COUNSELLOR
	 * @param text the message as written
	 */
	public record Excerpt(String from, String text) {
	}

}
