package se.fyren.handover;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

import se.fyren.transport.ClientEvent;

/**
 * Events of the handover consent, sent to the visitor and the counsellor of a chat.
 */
final class HandoverEvents {

	private HandoverEvents() {
	}

	/**
	 * A handover was proposed. The visitor sees exactly what would be shared;
	 * the counsellor gets the same as confirmation of what they proposed.
	 */
	@JsonTypeName("handover-proposed")
	record HandoverProposed(String chatId, String proposalId, String unit, String unitName, String summary,
			List<Handover.Excerpt> excerpts) implements ClientEvent {

		static HandoverProposed of(HandoverProposal proposal, String unitName) {
			return new HandoverProposed(proposal.chatId(), proposal.id(), proposal.unit(), unitName, proposal.summary(),
					proposal.excerpts());
		}

	}

	/** The visitor confirmed; {@code reference} is what they quote to the unit. */
	@JsonTypeName("handover-confirmed")
	record HandoverConfirmed(String chatId, String reference, String unit, String unitName) implements ClientEvent {
	}

	/** The visitor declined; nothing was kept. */
	@JsonTypeName("handover-declined")
	record HandoverDeclined(String chatId, String proposalId) implements ClientEvent {
	}

	/** To the counsellor: the report of concern is drafted and waits for a supervisor. */
	@JsonTypeName("concern-drafted")
	record ConcernDrafted(String chatId, String reference) implements ClientEvent {
	}

	/**
	 * A supervisor signed the report of concern off and it was issued. The
	 * visitor's copy has no reference: the widget tells the child in plain
	 * words what happens next.
	 */
	@JsonTypeName("concern-issued")
	record ConcernIssued(String chatId, String reference) implements ClientEvent {
	}

}
