package se.fyren.handover;

import java.time.Instant;
import java.util.List;

/**
 * What the visitor agreed to share with a receiving unit: exactly what they
 * were shown, plus the contact details they typed themselves. This is the
 * only place in Fyren where something identifying may be kept, and it is
 * kept encrypted.
 *
 * @param reference the id the visitor quotes to the unit
 * @param unit id of the receiving unit
 * @param queue the queue (target group) the chat was in
 * @param summary the counsellor's summary, or null
 * @param excerpts chosen messages, in order
 * @param contact contact details typed by the visitor, or null
 * @param confirmedAt when the visitor confirmed
 */
public record Handover(String reference, String unit, String queue, String summary, List<Excerpt> excerpts,
		String contact, Instant confirmedAt) {

	public Handover {
		excerpts = (excerpts != null) ? List.copyOf(excerpts) : List.of();
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
