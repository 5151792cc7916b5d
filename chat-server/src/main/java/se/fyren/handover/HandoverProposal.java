package se.fyren.handover;

import java.time.Instant;
import java.util.List;

/**
 * A counsellor's offer to hand a chat over, waiting for the visitor's answer.
 *
 * @param id random id the visitor's answer must name, so an answer to an older
 * proposal never confirms a newer one
 * @param chatId the chat
 * @param counsellor username of the proposing counsellor
 * @param unit id of the receiving unit
 * @param queue the chat's queue
 * @param summary the counsellor's summary, or null
 * @param excerpts chosen messages
 * @param proposedAt when it was proposed
 */
public record HandoverProposal(String id, String chatId, String counsellor, String unit, String queue, String summary,
		List<Handover.Excerpt> excerpts, Instant proposedAt) {

	public HandoverProposal {
		excerpts = (excerpts != null) ? List.copyOf(excerpts) : List.of();
	}

	/** The record made from this proposal when the visitor confirms. */
	Handover confirmed(String reference, String contact, Instant at) {
		return new Handover(reference, Handover.Kind.HANDOVER, this.unit, this.queue, this.summary, this.excerpts, contact, at);
	}

}
