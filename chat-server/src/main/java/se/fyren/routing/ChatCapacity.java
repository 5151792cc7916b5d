package se.fyren.routing;

import java.time.Instant;
import java.util.Map;

/**
 * Each counsellor's places, the one authority on their maximum of chats at
 * once. A place is reserved for a chat before it is offered to them, picked by
 * them or transferred to them, and released when that falls through or the
 * chat leaves them. Reserving is atomic per counsellor, on every node: of two
 * nodes filling a counsellor's last place, one wins.
 */
public interface ChatCapacity {

	/**
	 * Reserves one of the counsellor's places for the chat, or refreshes the
	 * reservation if it holds one already. Atomic per counsellor.
	 * @param capacity the most places the counsellor has
	 * @return whether the chat holds a place of theirs now
	 */
	boolean reserve(String username, String chatId, int capacity, Instant at);

	/** Gives the chat's place back, if it held one of the counsellor's. */
	void release(String username, String chatId);

	/** The chats holding a place of the counsellor's, with when each was last reserved. */
	Map<String, Instant> held(String username);

	/**
	 * Releases the chat's place only if it was last reserved before the
	 * cut-off: for places nothing backs any more (a node died between
	 * reserving and offering), without racing a fresh reservation.
	 */
	void releaseIfReservedBefore(String username, String chatId, Instant cutoff);

}
