package se.fyren.visitor;

import java.time.Instant;
import java.util.Optional;

/**
 * Visitor sessions a counsellor has blocked, until when. A block names the
 * session's random id and nothing else about the visitor; it is gone once it
 * expires.
 */
interface VisitorBlocks {

	/** Blocks the session until the given instant; a block already running is replaced. */
	void block(String visitorId, Instant until);

	/** Until when the session is blocked, if it is at {@code now}. */
	Optional<Instant> blockedUntil(String visitorId, Instant now);

}
