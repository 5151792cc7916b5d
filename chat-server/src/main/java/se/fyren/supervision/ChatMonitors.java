package se.fyren.supervision;

import java.util.List;

import se.fyren.conversation.ChatObservers;

/**
 * Which supervisor sessions silently follow which chats. Shared by every
 * node in cluster mode, so that a message or note handled on any node
 * reaches a supervisor connected to another. A session follows until it
 * stops or closes.
 */
interface ChatMonitors extends ChatObservers {

	/** Starts following; true when the chat had no follower before. */
	boolean start(String chatId, String sessionId, String username);

	/** Stops following; true when the session was following and the chat now has no follower. */
	boolean stop(String chatId, String sessionId);

	/** The chats a session of this node follows. */
	List<String> followedBy(String sessionId);

}
