package se.fyren.conversation;

import java.time.Instant;

/**
 * One conversation, from joining the queue to its end. Holds only categorical
 * pre-chat answers, never anything that identifies the visitor.
 *
 * @param id opaque random id
 * @param visitorId the visitor session it belongs to
 * @param queue the queue (target group) it waits in or was served from
 * @param ageBand optional self-described age band
 * @param language optional preferred language
 * @param status where it is in its life
 * @param counsellor username of the assigned counsellor, or null
 * @param counsellorName display name shown to the visitor, or null
 * @param joinedAt when the visitor joined the queue; kept through transfers,
 * so a chat sent back to a queue keeps its place in line
 * @param startedAt when a counsellor took it, or null
 * @param endedAt when it ended, or null
 * @param endedBy who ended it, or null
 * @param urgent the visitor said they are in danger now, or their first
 * message raised priority: goes first, flagged to staff
 * @param note internal note from the counsellor who transferred it, for the
 * next one; never shown to the visitor
 * @param gender optional self-described gender category, for statistics only
 * @param municipality optional municipality (one of the service's, or
 * "other"), for statistics only
 * @param outcome the counsellor's outcome category, once given (at the end or
 * after the visitor left), or null
 */
public record Chat(String id, String visitorId, String queue, String ageBand, String language, Status status,
		String counsellor, String counsellorName, Instant joinedAt, Instant startedAt, Instant endedAt, Party endedBy,
		boolean urgent, String note, String gender, String municipality, String outcome) {

	/** The life of a chat. */
	public enum Status {

		WAITING, ACTIVE, ENDED

	}

	public Chat(String id, String visitorId, String queue, String ageBand, String language, Status status,
			String counsellor, String counsellorName, Instant joinedAt, Instant startedAt, Instant endedAt,
			Party endedBy) {
		this(id, visitorId, queue, ageBand, language, status, counsellor, counsellorName, joinedAt, startedAt, endedAt,
				endedBy, false, null, null, null, null);
	}

	public static Chat waiting(String id, String visitorId, String queue, String ageBand, String language, Instant now) {
		return waiting(id, visitorId, queue, ageBand, language, false, now);
	}

	public static Chat waiting(String id, String visitorId, String queue, String ageBand, String language,
			boolean urgent, Instant now) {
		return new Chat(id, visitorId, queue, ageBand, language, Status.WAITING, null, null, now, null, null, null,
				urgent, null, null, null, null);
	}

	public Chat assignedTo(String username, String displayName, Instant now) {
		return new Chat(this.id, this.visitorId, this.queue, this.ageBand, this.language, Status.ACTIVE, username,
				displayName, this.joinedAt, now, null, null, this.urgent, this.note,
				this.gender, this.municipality, this.outcome);
	}

	/** Handed straight to a colleague, with a note for them. */
	public Chat transferredTo(String username, String displayName, String note, Instant now) {
		return new Chat(this.id, this.visitorId, this.queue, this.ageBand, this.language, Status.ACTIVE, username,
				displayName, this.joinedAt, now, null, null, this.urgent, note,
				this.gender, this.municipality, this.outcome);
	}

	/** Back to waiting in a queue (of the same side), keeping its place in line. */
	public Chat requeued(String toQueue, String note) {
		return new Chat(this.id, this.visitorId, toQueue, this.ageBand, this.language, Status.WAITING, null, null,
				this.joinedAt, null, null, null, this.urgent, note, this.gender, this.municipality, this.outcome);
	}

	/** Raised to the front and flagged. */
	public Chat flaggedUrgent() {
		return new Chat(this.id, this.visitorId, this.queue, this.ageBand, this.language, this.status, this.counsellor,
				this.counsellorName, this.joinedAt, this.startedAt, this.endedAt, this.endedBy, true, this.note,
				this.gender, this.municipality, this.outcome);
	}

	public Chat endedBy(Party party, Instant now) {
		return new Chat(this.id, this.visitorId, this.queue, this.ageBand, this.language, Status.ENDED, this.counsellor,
				this.counsellorName, this.joinedAt, this.startedAt, now, party, this.urgent, this.note,
				this.gender, this.municipality, this.outcome);
	}

	/** With the visitor's optional self-described categories. */
	public Chat describedAs(String gender, String municipality) {
		return new Chat(this.id, this.visitorId, this.queue, this.ageBand, this.language, this.status, this.counsellor,
				this.counsellorName, this.joinedAt, this.startedAt, this.endedAt, this.endedBy, this.urgent, this.note,
				gender, municipality, this.outcome);
	}

	/** With the counsellor's outcome category. */
	public Chat withOutcome(String outcome) {
		return new Chat(this.id, this.visitorId, this.queue, this.ageBand, this.language, this.status, this.counsellor,
				this.counsellorName, this.joinedAt, this.startedAt, this.endedAt, this.endedBy, this.urgent, this.note,
				this.gender, this.municipality, outcome);
	}

	public boolean isOpen() {
		return this.status != Status.ENDED;
	}

}
