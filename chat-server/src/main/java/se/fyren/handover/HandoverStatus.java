package se.fyren.handover;

import java.time.Instant;

/**
 * What staff may see of a handover record without opening it: no content.
 *
 * @param reference the handover reference
 * @param unit id of the receiving unit
 * @param createdAt when the visitor confirmed
 * @param expiresAt when the record is deleted
 * @param acknowledgedAt when a case worker acknowledged receipt, or null
 * @param acknowledgedBy who acknowledged, or null
 * @param deliveredAt when the unit's webhook accepted it, or null
 * @param attempts webhook attempts so far
 * @param nextAttemptAt when the next webhook attempt is due, or null when none is
 */
public record HandoverStatus(String reference, String unit, Instant createdAt, Instant expiresAt,
		Instant acknowledgedAt, String acknowledgedBy, Instant deliveredAt, int attempts, Instant nextAttemptAt) {

	static HandoverStatus created(String reference, String unit, Instant at, Instant expiresAt, boolean webhook) {
		return new HandoverStatus(reference, unit, at, expiresAt, null, null, null, 0, webhook ? at : null);
	}

	HandoverStatus acknowledged(String by, Instant at) {
		return (this.acknowledgedAt != null) ? this
				: new HandoverStatus(this.reference, this.unit, this.createdAt, this.expiresAt, at, by, this.deliveredAt,
						this.attempts, this.nextAttemptAt);
	}

	HandoverStatus delivered(Instant at) {
		return new HandoverStatus(this.reference, this.unit, this.createdAt, this.expiresAt, this.acknowledgedAt,
				this.acknowledgedBy, at, this.attempts + 1, null);
	}

	HandoverStatus failed(Instant nextAttempt) {
		return new HandoverStatus(this.reference, this.unit, this.createdAt, this.expiresAt, this.acknowledgedAt,
				this.acknowledgedBy, null, this.attempts + 1, nextAttempt);
	}

}
