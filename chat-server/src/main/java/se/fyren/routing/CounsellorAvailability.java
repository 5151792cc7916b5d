package se.fyren.routing;

import java.time.Instant;
import java.util.Optional;

/**
 * What routing needs to know about a counsellor beyond duty: when they last
 * got a chat (longest-waiting goes first) and a wellbeing pause after a
 * high-risk chat. Shared by all nodes.
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

}
