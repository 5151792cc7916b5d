package se.fyren.conversation;

/**
 * Application events about conversations, for other features inside the
 * server. Never sent to clients, never stored, never logged.
 */
public final class ConversationEvents {

	private ConversationEvents() {
	}

	/**
	 * The visitor wrote or typed in their chat: they are still there.
	 *
	 * @param chat the chat as stored
	 */
	public record VisitorSeen(Chat chat) {
	}

	/**
	 * The visitor's first message in a chat, for the in-memory priority scan.
	 * The text must not be kept or logged.
	 *
	 * @param chat the chat as stored
	 * @param text what they wrote
	 */
	public record FirstVisitorMessage(Chat chat, String text) {
	}

	/**
	 * The visitor (re)connected and asked where they stand; what the chat
	 * holds for them beyond its messages (an open handover proposal) is sent
	 * again.
	 *
	 * @param chat the visitor's latest chat as stored
	 */
	public record VisitorSynced(Chat chat) {
	}

	/**
	 * A chat has just ended.
	 *
	 * @param chat the ended chat
	 */
	public record ChatClosed(Chat chat) {
	}

}
