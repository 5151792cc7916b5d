package se.fyren.conversation;

import java.util.List;

/**
 * The messages of every open or recently ended chat.
 */
public interface Transcripts {

	/**
	 * Stores a message unless the chat already has one with the same id.
	 * @param author the counsellor's display name for their messages, else null
	 * @return the stored message (the earlier one for a duplicate), whether it
	 * is new and whether it is its sender's first in the chat
	 */
	Appended append(String chatId, String messageId, Party from, String author, String text, java.time.Instant at);

	/** Messages with a sequence number above {@code afterSeq}, in order. */
	List<ChatMessage> after(String chatId, long afterSeq);

	/** Forgets every message of the chat. */
	void delete(String chatId);

	/**
	 * Result of {@link #append}.
	 *
	 * @param message the stored message
	 * @param fresh false when the id was already stored
	 * @param firstOfSender true for the first new message of its sender (the
	 * visitor's first message is screened for danger keywords); known from the
	 * store, so that no one reads the whole transcript on every message
	 */
	record Appended(ChatMessage message, boolean fresh, boolean firstOfSender) {
	}

}
