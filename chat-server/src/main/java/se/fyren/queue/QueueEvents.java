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

	/** To a queued visitor: their place, 1 being next. */
	@JsonTypeName("position")
	public record Position(String queue, int position) implements ClientEvent {
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
