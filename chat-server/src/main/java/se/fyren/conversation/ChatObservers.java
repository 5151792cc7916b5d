package se.fyren.conversation;

import java.util.Set;

/**
 * Staff who follow a chat read-only besides its counsellor (a supervisor's
 * silent monitoring). They get what the counsellor's side gets and can send
 * nothing into the chat.
 */
public interface ChatObservers {

	/** Usernames of the staff following the chat; empty for most chats. */
	Set<String> of(String chatId);

}
