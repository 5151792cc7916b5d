package se.fyren.queue;

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

}
