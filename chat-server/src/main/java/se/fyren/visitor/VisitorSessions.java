package se.fyren.visitor;

import java.time.Instant;
import java.util.Optional;

/**
 * Where visitor sessions live, found by the hash of their token.
 */
public interface VisitorSessions {

	/** Stores a new session. */
	void save(VisitorSession session);

	/** The session whose token has this hash, if any. */
	Optional<VisitorSession> findByTokenHash(String tokenHash);

	/** Removes sessions not seen since the given instant; returns how many. */
	int removeNotSeenSince(Instant cutoff);

}
