package se.fyren.handover;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Handover proposals and confirmed handover records. Every implementation
 * keeps the content (summary, excerpts, contact) encrypted with AES-GCM and
 * lets it expire: a proposal after its lifetime, a record at its
 * {@link HandoverStatus#expiresAt()}.
 */
public interface HandoverRecords {

	/** Keeps the proposal as the chat's only one, replacing an earlier one. */
	void propose(HandoverProposal proposal);

	/** The chat's open proposal. */
	Optional<HandoverProposal> proposal(String chatId);

	/** Forgets the chat's proposal, if any. */
	void discardProposal(String chatId);

	/** Stores a confirmed handover with its status. */
	void store(Handover handover, HandoverStatus status);

	/** The decrypted content of a record. */
	Optional<Handover> content(String reference);

	/** The status of a record. */
	Optional<HandoverStatus> status(String reference);

	/** Statuses of every record, newest first. */
	List<HandoverStatus> statuses();

	/** Replaces the status of an existing record; does nothing when it is gone. */
	void update(HandoverStatus status);

	/**
	 * Claims the delivery attempt due at {@code dueAt} for this node, so that
	 * of all the nodes polling for due deliveries exactly one sends it: true for
	 * the first claim of that attempt, false for every later one until the lease
	 * runs out (the node that claimed it may have died mid-send).
	 */
	boolean claimAttempt(String reference, Instant dueAt, Duration lease);

	/** Deletes every record that expired at or before the instant; returns how many. */
	int purgeExpired(Instant now);

}
