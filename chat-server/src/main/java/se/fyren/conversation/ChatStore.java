package se.fyren.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where chats live. Every change of an existing chat goes through
 * {@link #update}, which an implementation makes atomic per chat: that is what
 * keeps a chat from being taken twice or taken while its visitor leaves.
 */
public interface ChatStore {

	/**
	 * Stores a new chat and makes it the visitor's latest, unless the
	 * visitor's latest chat is still open: then stores nothing and returns
	 * false. Atomic per visitor, across nodes too, so a visitor who joins
	 * twice at once gets one chat.
	 */
	boolean create(Chat chat);

	Optional<Chat> find(String chatId);

	/**
	 * The chats of those ids that exist, in the order given: one read for
	 * all, however many, where the store can.
	 */
	List<Chat> findAll(List<String> chatIds);

	/**
	 * Applies a change atomically and returns the stored result; empty when
	 * the chat does not exist. The change may throw to refuse; nothing is
	 * stored then.
	 */
	Optional<Chat> update(String chatId, UnaryOperator<Chat> change);

	/** The visitor's most recent chat, open or ended. */
	Optional<Chat> latestOfVisitor(String visitorId);

	/** Open chats assigned to the counsellor, oldest first. */
	List<Chat> activeOf(String counsellor);

	/**
	 * The ids of chats that ended before the cutoff. Ids, not chats: what is
	 * past retention must be deletable even when it can no longer be read.
	 */
	List<String> endedBefore(Instant cutoff);

	/** Forgets the chat. */
	void delete(String chatId);

}
