package se.fyren.counsellor;

import java.util.Set;

/**
 * Which counsellors are on duty, and which are connected: the facts every
 * node sees alike. Policy built on them (how long a counsellor may be gone
 * before their chats go back to the queue) lives elsewhere.
 */
public interface CounsellorPresence {

	/** Puts the counsellor on or off duty, for every node. */
	void setOnDuty(String username, boolean onDuty);

	/** Whether the counsellor is on duty; connected or not. */
	boolean isOnDuty(String username);

	/** Usernames of everyone on duty. */
	Set<String> onDuty();

	/** A staff session of the counsellor opened on this node. */
	void sessionOpened(String username);

	/** A staff session of the counsellor on this node closed. */
	void sessionClosed(String username);

	/**
	 * Whether the counsellor has an open session on any node. A node that
	 * dies stops counting once its records expire.
	 */
	boolean isConnected(String username);

}
