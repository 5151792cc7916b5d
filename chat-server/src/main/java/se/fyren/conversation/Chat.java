package se.fyren.conversation;

import java.time.Instant;

/**
 * One conversation, from joining the queue to its end. Holds only categorical
 * pre-chat answers, never anything that identifies the visitor.
 *
 * @param id opaque random id
 * @param visitorId the visitor session it belongs to
 * @param queue the queue (target group) it was opened in
 * @param ageBand optional self-described age band
 * @param language optional preferred language
 * @param status where it is in its life
 * @param counsellor username of the assigned counsellor, or null
 * @param counsellorName display name shown to the visitor, or null
 * @param joinedAt when the visitor joined the queue
 * @param startedAt when a counsellor took it, or null
 * @param endedAt when it ended, or null
 * @param endedBy who ended it, or null
 */
public record Chat(String id, String visitorId, String queue, String ageBand, String language, Status status,
		String counsellor, String counsellorName, Instant joinedAt, Instant startedAt, Instant endedAt, Party endedBy) {

	/** The life of a chat. */
	public enum Status {

		WAITING, ACTIVE, ENDED

	}

	public static Chat waiting(String id, String visitorId, String queue, String ageBand, String language, Instant now) {
		return new Chat(id, visitorId, queue, ageBand, language, Status.WAITING, null, null, now, null, null, null);
	}

	public Chat assignedTo(String username, String displayName, Instant now) {
		return new Chat(this.id, this.visitorId, this.queue, this.ageBand, this.language, Status.ACTIVE, username,
				displayName, this.joinedAt, now, null, null);
	}

	public Chat endedBy(Party party, Instant now) {
		return new Chat(this.id, this.visitorId, this.queue, this.ageBand, this.language, Status.ENDED, this.counsellor,
				this.counsellorName, this.joinedAt, this.startedAt, now, party);
	}

	public boolean isOpen() {
		return this.status != Status.ENDED;
	}

}
