package se.fyren.handover;

import java.time.Instant;

/**
 * What staff may see of a handover record without opening it: no content.
 *
 * @param reference the handover reference
 * @param kind handover or report of concern
 * @param unit id of the receiving unit
 * @param chatId the chat a report of concern came from, so the child can be
 * told when it is issued; null for a handover
 * @param createdAt when the visitor confirmed, or the report was drafted
 * @param expiresAt when the record is deleted
 * @param draftedBy the counsellor who drafted a report of concern, or null
 * @param signedOffBy the supervisor who signed a report of concern off, or null
 * @param signedOffAt when it was signed off, or null
 * @param acknowledgedAt when a case worker acknowledged receipt, or null
 * @param acknowledgedBy who acknowledged, or null
 * @param deliveredAt when the unit's webhook accepted it, or null
 * @param attempts webhook attempts so far
 * @param nextAttemptAt when the next webhook attempt is due, or null when none is
 */
public record HandoverStatus(String reference, Handover.Kind kind, String unit, String chatId, Instant createdAt,
		Instant expiresAt, String draftedBy, String signedOffBy, Instant signedOffAt, Instant acknowledgedAt,
		String acknowledgedBy, Instant deliveredAt, int attempts, Instant nextAttemptAt) {

	static HandoverStatus created(String reference, String unit, Instant at, Instant expiresAt, boolean webhook) {
		return new HandoverStatus(reference, Handover.Kind.HANDOVER, unit, null, at, expiresAt, null, null, null, null,
				null, null, 0, webhook ? at : null);
	}

	static HandoverStatus drafted(String reference, String unit, String chatId, String counsellor, Instant at,
			Instant expiresAt) {
		return new HandoverStatus(reference, Handover.Kind.REPORT_OF_CONCERN, unit, chatId, at, expiresAt, counsellor,
				null, null, null, null, null, 0, null);
	}

	/** Whether it has left Fyren's hands: confirmed, or for a report of concern, signed off. */
	public boolean issued() {
		return this.kind == Handover.Kind.HANDOVER || this.signedOffAt != null;
	}

	HandoverStatus signedOff(String by, Instant at, boolean webhook) {
		return new HandoverStatus(this.reference, this.kind, this.unit, this.chatId, this.createdAt, this.expiresAt,
				this.draftedBy, by, at, this.acknowledgedAt, this.acknowledgedBy, this.deliveredAt, this.attempts,
				webhook ? at : null);
	}

	HandoverStatus acknowledged(String by, Instant at) {
		return (this.acknowledgedAt != null) ? this
				: new HandoverStatus(this.reference, this.kind, this.unit, this.chatId, this.createdAt, this.expiresAt,
						this.draftedBy, this.signedOffBy, this.signedOffAt, at, by, this.deliveredAt, this.attempts,
						this.nextAttemptAt);
	}

	HandoverStatus delivered(Instant at) {
		return new HandoverStatus(this.reference, this.kind, this.unit, this.chatId, this.createdAt, this.expiresAt,
				this.draftedBy, this.signedOffBy, this.signedOffAt, this.acknowledgedAt, this.acknowledgedBy, at,
				this.attempts + 1, null);
	}

	HandoverStatus failed(Instant nextAttempt) {
		return new HandoverStatus(this.reference, this.kind, this.unit, this.chatId, this.createdAt, this.expiresAt,
				this.draftedBy, this.signedOffBy, this.signedOffAt, this.acknowledgedAt, this.acknowledgedBy, null,
				this.attempts + 1, nextAttempt);
	}

}
