package se.fyren.queue;

import java.util.Map;

import se.fyren.queue.QueueEvents.WaitingReason;

/**
 * Why waiting chats are not being offered to anyone. Routing knows; the
 * queue overview shows it, so counsellors see at once a chat that waits for a
 * language or age band nobody on duty serves, and can pick it by hand.
 */
public interface WaitingReasons {

	/** The waiting chats of the queue that nobody suitable on duty could be offered, by chat id, with why. */
	Map<String, WaitingReason> of(String queue);

}
