package se.fyren.routing;

import java.time.Instant;
import java.util.Optional;

/**
 * Which participants (visitors by id, staff by username) have a live STOMP
 * session, on any node, and since when one has had none. Shared by all nodes.
 */
public interface Connections {

	/** A session of the participant connected. */
	void connected(String participant, String sessionId);

	/** A session of the participant closed at this instant. */
	void disconnected(String participant, String sessionId, Instant at);

	/**
	 * Since when the participant has had no session; empty while one is
	 * connected, or when they were never seen.
	 */
	Optional<Instant> disconnectedSince(String participant);

}
