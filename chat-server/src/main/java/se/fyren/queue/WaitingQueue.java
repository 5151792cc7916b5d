package se.fyren.queue;

import java.util.List;
import java.util.Optional;

/**
 * Chats waiting for a counsellor, first come first served, one line per queue.
 */
public interface WaitingQueue {

	/** Puts the chat at the back of the queue; a chat already there stays where it is. */
	void add(String queueId, String chatId);

	/** Takes the chat out of the queue; false when it was not there. */
	boolean remove(String queueId, String chatId);

	/**
	 * Takes the chat at the front out of the queue. Atomic: two callers never
	 * get the same chat.
	 */
	Optional<String> pollFirst(String queueId);

	/** The waiting chats, front first. */
	List<String> waiting(String queueId);

}
