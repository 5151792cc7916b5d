package se.fyren.routing;

import java.time.Instant;
import java.util.Map;

/**
 * Each counsellor's places, the one authority on their maximum of chats at
 * once. A chat takes one of a counsellor's places while anything holds it for
 * them: an open offer, the chat itself once theirs, or a move under way (an
 * accept, a pick by hand, a transfer to them). Every holder reserves before
 * and releases after, exactly once, so that two moves of one chat at once
 * (on two nodes, say) never give its place back while the other still holds
 * it. Reserving is atomic per counsellor on every node: of two nodes filling
 * a counsellor's last place, one wins.
 */
public interface ChatCapacity {

	/**
	 * Adds a hold of the chat on one of the counsellor's places: a free place
	 * if the chat has none of theirs yet, else the place it has. Refreshes the
	 * place's time. Atomic per counsellor.
	 * @param capacity the most places the counsellor has
	 * @return whether the hold was added; false when all their places are taken
	 * by other chats
	 */
	boolean reserve(String username, String chatId, int capacity, Instant at);

	/** Gives back one hold; the place is free once the chat's last hold is gone. */
	void release(String username, String chatId);

	/** The chats holding a place of the counsellor's, with when each was last reserved. */
	Map<String, Instant> held(String username);

	/**
	 * Frees the chat's place, whatever holds it, only if it was last reserved
	 * before the cut-off: for places nothing backs any more (a node died
	 * mid-way), without racing a fresh reservation.
	 */
	void releaseIfReservedBefore(String username, String chatId, Instant cutoff);

}
