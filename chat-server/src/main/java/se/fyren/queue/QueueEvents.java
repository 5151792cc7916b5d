package se.fyren.queue;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonTypeName;

import se.fyren.transport.ClientEvent;

/**
 * Events about queues.
 */
public final class QueueEvents {

	private QueueEvents() {
	}

	/**
	 * To a queued visitor: their place, 1 being next, an honest estimate of
	 * the wait (null when there is no basis for one) and why they wait when
	 * nobody suitable is on duty.
	 */
	@JsonTypeName("position")
	public record Position(String queue, int position, Integer estimatedWaitSeconds, WaitingReason waitingReason)
			implements ClientEvent {
	}

	/** Why a chat is not being offered to anyone. */
	public enum WaitingReason {

		/** Nobody who serves the queue is on duty. */
		NO_COUNSELLOR_ON_DUTY,
		/** Counsellors of the group are on duty, but none speaks the chosen language. */
		NO_LANGUAGE_MATCH,
		/** Counsellors of the group speaking the language are on duty, but none serves the visitor's age band. */
		NO_AGE_BAND_MATCH

	}

	/** To a visitor: they have left the queue. */
	@JsonTypeName("left")
	public record Left() implements ClientEvent {
	}

	/** Inside the application: who waits in a queue has changed. */
	public record QueueChanged(String queue) {
	}

	/** Inside the application: a visitor joined a queue. */
	public record ChatJoined(String chatId, String queue, Instant at) {
	}

	/** Inside the application: a counsellor took a waiting chat. */
	public record ChatTaken(String chatId, String queue, Instant joinedAt, Instant takenAt) {
	}

	/** Inside the application: a visitor left the queue before anyone took their chat. */
	public record ChatAbandoned(String chatId, String queue, Instant joinedAt, Instant leftAt) {
	}

}
