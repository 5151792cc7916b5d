package se.fyren.conversation;

import java.util.List;

/**
 * The internal notes of every open or recently ended chat. They live exactly
 * as long as the chat's transcript.
 */
public interface ChatNotes {

	/**
	 * Stores a note unless the chat already has one with the same id.
	 * @return the stored note (the earlier one for a duplicate)
	 */
	ChatNote add(ChatNote note);

	/** The chat's notes, oldest first. */
	List<ChatNote> of(String chatId);

	/** Forgets every note of the chat. */
	void delete(String chatId);

}
