package se.fyren.routing;

import java.time.Instant;
import java.util.Optional;

/**
 * When the visitor of an active chat last showed they are there, and when
 * they were warned that the chat will close. Shared by all nodes.
 */
public interface VisitorActivity {

	/** The visitor wrote, typed or reconnected; clears a warning. */
	void seen(String chatId, Instant at);

	/** When the visitor was last seen in the chat. */
	Optional<Instant> lastSeen(String chatId);

	/** Records the inactivity warning. */
	void warned(String chatId, Instant at);

	/** When the standing warning was sent; empty when none stands. */
	Optional<Instant> warnedAt(String chatId);

	/** Forgets the chat. */
	void forget(String chatId);

}
