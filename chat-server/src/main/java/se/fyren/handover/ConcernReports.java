package se.fyren.handover;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import se.fyren.audit.AuditAction;
import se.fyren.audit.AuditLog;
import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.handover.HandoverEvents.ConcernDrafted;
import se.fyren.handover.HandoverEvents.ConcernIssued;
import se.fyren.statistics.ServiceStatistics;
import se.fyren.system.ErrorCode;
import se.fyren.system.FyrenException;
import se.fyren.transport.Delivery;

/**
 * Reports of concern about a child (orosanmälan). A counsellor drafts one
 * from a chat; it stays inside Fyren, seen only by supervisors, until a
 * supervisor other than the author signs it off. Only then is it issued to
 * the configured unit (webhook and case-worker inbox) and the child told
 * what happens next.
 */
@Component
class ConcernReports {

	private final HandoverRecords records;

	private final Handovers handovers;

	private final ChatStore chats;

	private final Delivery delivery;

	private final HandoverProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	private final ServiceStatistics statistics;

	ConcernReports(HandoverRecords records, Handovers handovers, ChatStore chats, Delivery delivery,
			HandoverProperties properties, AuditLog audit, Clock clock, ServiceStatistics statistics) {
		this.statistics = statistics;
		this.records = records;
		this.handovers = handovers;
		this.chats = chats;
		this.delivery = delivery;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/** Stores a draft from the counsellor's active chat; returns its reference. */
	String draft(Chat chat, String disclosure, List<Long> excerptSeqs) {
		String unit = this.properties.concernUnit();
		this.handovers.unit(unit);
		String cleanDisclosure = Handovers.clean(disclosure, Handovers.MAX_SUMMARY, "disclosure");
		if (cleanDisclosure == null) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "Write what the child disclosed");
		}
		List<Handover.Excerpt> excerpts = this.handovers.excerpts(chat, excerptSeqs);
		Instant now = this.clock.instant();
		String reference = Handovers.reference("RC-");
		this.records.store(
				new Handover(reference, Handover.Kind.REPORT_OF_CONCERN, unit, chat.queue(), cleanDisclosure, excerpts,
						null, now),
				HandoverStatus.drafted(reference, unit, chat.id(), chat.counsellor(), now,
						now.plus(this.properties.recordRetention())));
		this.audit.record(chat.counsellor(), AuditAction.DRAFT_CONCERN, chat.id());
		this.delivery.toStaff(chat.counsellor(), new ConcernDrafted(chat.id(), reference));
		return reference;
	}

	/** Drafts waiting for a supervisor's sign-off, oldest first. */
	List<HandoverStatus> awaitingSignOff() {
		return this.records.statuses()
			.stream()
			.filter((status) -> status.kind() == Handover.Kind.REPORT_OF_CONCERN && !status.issued())
			.sorted(java.util.Comparator.comparing(HandoverStatus::createdAt))
			.toList();
	}

	/** A draft's content, for the supervisor to read before signing. */
	Handover draftContent(String reference) {
		draftStatus(reference);
		return this.records.content(reference)
			.orElseThrow(() -> new FyrenException(ErrorCode.NO_SUCH_REPORT, "No such draft"));
	}

	/**
	 * The four-eyes step: a supervisor who did not write the draft issues it.
	 * @return the issued status
	 */
	HandoverStatus signOff(String reference, String supervisor) {
		HandoverStatus draft = draftStatus(reference);
		if (supervisor.equals(draft.draftedBy())) {
			throw new FyrenException(ErrorCode.FORBIDDEN, "The author cannot sign off their own report");
		}
		Instant now = this.clock.instant();
		boolean webhook = this.properties.units().get(draft.unit()).webhookUrl() != null;
		HandoverStatus issued = draft.signedOff(supervisor, now, webhook);
		this.records.update(issued);
		this.audit.record(supervisor, AuditAction.SIGN_OFF_CONCERN, draft.chatId());
		this.records.content(reference).ifPresent((report) -> this.statistics.concernIssued(report.queue()));
		this.chats.find(draft.chatId()).ifPresent((chat) -> {
			// The child learns what happens next in plain words (the widget's text); the reference is for staff.
			this.delivery.toVisitor(chat.visitorId(), new ConcernIssued(chat.id(), null));
			if (chat.counsellor() != null) {
				this.delivery.toStaff(chat.counsellor(), new ConcernIssued(chat.id(), reference));
			}
		});
		return issued;
	}

	private HandoverStatus draftStatus(String reference) {
		return this.records.status(reference)
			.filter((status) -> status.kind() == Handover.Kind.REPORT_OF_CONCERN && !status.issued())
			.orElseThrow(() -> new FyrenException(ErrorCode.NO_SUCH_REPORT, "No draft with that reference"));
	}

}
