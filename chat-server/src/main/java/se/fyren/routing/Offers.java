package se.fyren.routing;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Open offers of waiting chats to counsellors, at most one per chat, and who
 * has declined (or let expire) an offer of each chat. Shared by all nodes.
 */
public interface Offers {

	/**
	 * Records the offer unless the chat already has one. Atomic: of two nodes
	 * offering the same chat, one wins.
	 * @return whether this offer was recorded
	 */
	boolean place(PendingOffer offer);

	/** The chat's open offer, if any. */
	Optional<PendingOffer> find(String chatId);

	/**
	 * Removes the chat's offer if it is to this counsellor. Atomic: an accept
	 * racing a timeout has one winner.
	 * @return whether an offer to this counsellor was removed
	 */
	boolean withdraw(String chatId, String username);

	/** Every open offer. */
	List<PendingOffer> all();

	/** Notes that the counsellor declined or let an offer of the chat expire. */
	void declined(String chatId, String username);

	/** Counsellors who declined or let an offer of the chat expire. */
	Set<String> declinedBy(String chatId);

	/** Forgets the chat's offer and declines, once it no longer waits. */
	void forget(String chatId);

}
