package se.fyren.handover;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.fyren.audit.AuditAction;
import se.fyren.audit.AuditLog;
import se.fyren.conversation.Chat;
import se.fyren.conversation.ConversationEvents.VisitorSynced;
import se.fyren.conversation.Transcripts;
import se.fyren.handover.HandoverEvents.HandoverConfirmed;
import se.fyren.handover.HandoverEvents.HandoverDeclined;
import se.fyren.handover.HandoverEvents.HandoverProposed;
import se.fyren.handover.HandoverProperties.Unit;
import se.fyren.statistics.ServiceStatistics;
import se.fyren.system.ErrorCode;
import se.fyren.system.FyrenException;
import se.fyren.system.RandomIds;
import se.fyren.system.UntrustedText;
import se.fyren.transport.ClientEvent;
import se.fyren.transport.Delivery;

/**
 * The consent-based handover: a counsellor proposes, the visitor sees exactly
 * what would be shared and confirms or declines. Only a confirmation makes a
 * record; a decline, a replaced proposal or one left unanswered leaves
 * nothing behind.
 */
@Component
class Handovers {

	static final int MAX_SUMMARY = 4000;

	static final int MAX_CONTACT = 500;

	static final int MAX_EXCERPTS = 50;

	// No 0/O or 1/I: the visitor may read the reference aloud on the phone.
	private static final char[] REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private static final SecureRandom random = new SecureRandom();

	private final HandoverRecords records;

	private final Transcripts transcripts;

	private final Delivery delivery;

	private final HandoverProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	private final ServiceStatistics statistics;

	Handovers(HandoverRecords records, Transcripts transcripts, Delivery delivery, HandoverProperties properties,
			AuditLog audit, Clock clock, ServiceStatistics statistics) {
		this.statistics = statistics;
		this.records = records;
		this.transcripts = transcripts;
		this.delivery = delivery;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/** Proposes a handover of the counsellor's active chat and shows it to both sides. */
	void propose(Chat chat, String unitId, String summary, List<Long> excerptSeqs) {
		Unit unit = unit(unitId);
		String cleanSummary = clean(summary, MAX_SUMMARY, "summary");
		List<Handover.Excerpt> excerpts = excerpts(chat, excerptSeqs);
		if (cleanSummary == null && excerpts.isEmpty()) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "Give a summary or at least one excerpt");
		}
		HandoverProposal proposal = new HandoverProposal(RandomIds.of(16), chat.id(), chat.counsellor(), unitId,
				chat.queue(), cleanSummary, excerpts, this.clock.instant());
		this.records.propose(proposal);
		this.audit.record(chat.counsellor(), AuditAction.PROPOSE_HANDOVER, chat.id());
		HandoverProposed event = HandoverProposed.of(proposal, unit.name());
		this.delivery.toVisitor(chat.visitorId(), event);
		this.delivery.toStaff(chat.counsellor(), event);
	}

	/** The visitor's yes: stores the record and gives them its reference. */
	void confirm(Chat chat, String proposalId, String contact) {
		HandoverProposal proposal = openProposal(chat, proposalId);
		String cleanContact = clean(contact, MAX_CONTACT, "contact");
		Instant now = this.clock.instant();
		Unit unit = unit(proposal.unit());
		String reference = reference();
		this.records.store(proposal.confirmed(reference, cleanContact, now), HandoverStatus.created(reference,
				proposal.unit(), now, now.plus(this.properties.recordRetention()), unit.webhookUrl() != null));
		this.records.discardProposal(chat.id());
		this.audit.record(proposal.counsellor(), AuditAction.HANDOVER_CONFIRMED, chat.id());
		this.statistics.handoverConfirmed(chat.queue(), proposal.unit());
		toBoth(chat, new HandoverConfirmed(chat.id(), reference, proposal.unit(), unit.name()));
	}

	/** A visitor who reconnects mid-chat sees the open proposal again: it was sent while they were away. */
	@EventListener
	void on(VisitorSynced synced) {
		Chat chat = synced.chat();
		if (chat.status() != Chat.Status.ACTIVE) {
			return;
		}
		this.records.proposal(chat.id())
			.ifPresent((proposal) -> this.delivery.toVisitor(chat.visitorId(),
					HandoverProposed.of(proposal, unit(proposal.unit()).name())));
	}

	/** The visitor's no: the proposal is forgotten. */
	void decline(Chat chat, String proposalId) {
		openProposal(chat, proposalId);
		this.records.discardProposal(chat.id());
		toBoth(chat, new HandoverDeclined(chat.id(), proposalId));
	}

	/** The chat's messages with the given seqs, in order; refuses seqs the chat does not have. */
	List<Handover.Excerpt> excerpts(Chat chat, List<Long> excerptSeqs) {
		Set<Long> seqs = (excerptSeqs != null) ? Set.copyOf(excerptSeqs) : Set.of();
		if (seqs.size() > MAX_EXCERPTS) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "At most " + MAX_EXCERPTS + " excerpts");
		}
		List<Handover.Excerpt> excerpts = this.transcripts.after(chat.id(), 0)
			.stream()
			.filter((message) -> seqs.contains(message.seq()))
			.map((message) -> new Handover.Excerpt(message.from().name(), message.text()))
			.toList();
		if (excerpts.size() != seqs.size()) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "excerptSeqs must name messages of this chat");
		}
		return excerpts;
	}

	private HandoverProposal openProposal(Chat chat, String proposalId) {
		return this.records.proposal(chat.id())
			.filter((proposal) -> proposal.id().equals(proposalId))
			.orElseThrow(() -> new FyrenException(ErrorCode.NO_HANDOVER_PROPOSAL, "No such open proposal"));
	}

	Unit unit(String unitId) {
		Unit unit = (unitId != null) ? this.properties.units().get(unitId) : null;
		if (unit == null) {
			throw new FyrenException(ErrorCode.UNKNOWN_HANDOVER_UNIT, "No receiving unit has that id");
		}
		return unit;
	}

	private void toBoth(Chat chat, ClientEvent event) {
		this.delivery.toVisitor(chat.visitorId(), event);
		if (chat.counsellor() != null) {
			this.delivery.toStaff(chat.counsellor(), event);
		}
	}

	static String clean(String text, int max, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		// Neutralised like chat messages: what the unit reads must say what it shows.
		String normalized = UntrustedText.neutralise(text).strip();
		if (normalized.codePointCount(0, normalized.length()) > max) {
			throw new FyrenException(ErrorCode.MESSAGE_TOO_LONG, field + " is longer than " + max + " characters");
		}
		return normalized;
	}

	private static String reference() {
		return reference("FY-");
	}

	/** A random reference with the prefix, easy to read aloud. */
	static String reference(String prefix) {
		StringBuilder reference = new StringBuilder(prefix);
		for (int i = 0; i < 10; i++) {
			reference.append(REFERENCE_ALPHABET[random.nextInt(REFERENCE_ALPHABET.length)]);
		}
		return reference.toString();
	}

}
