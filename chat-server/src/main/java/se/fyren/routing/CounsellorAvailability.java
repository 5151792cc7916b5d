package se.fyren.routing;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What routing needs to know about a counsellor beyond duty: when they last
 * got a chat (longest-waiting goes first), a wellbeing pause after a
 * high-risk chat, and whether they have paused themselves. Shared by all
 * nodes.
 */
public interface CounsellorAvailability {

	/** Records that the counsellor got a chat at this instant. */
	void chatStarted(String username, Instant at);

	/** When the counsellor last got a chat; empty when never. */
	Optional<Instant> lastChatAt(String username);

	/** No automatic offers to the counsellor before this instant. */
	void pauseUntil(String username, Instant until);

	/** The end of the counsellor's pause, if one was set (it may be past). */
	Optional<Instant> pausedUntil(String username);

	/**
	 * The counsellor pauses (or resumes): while paused they keep their chats
	 * but get no automatic offers and no transfers. Means something only
	 * while they are on duty.
	 */
	void setPaused(String username, boolean paused);

	/** Usernames of everyone who has paused themselves (on duty or not). */
	Set<String> paused();

}
