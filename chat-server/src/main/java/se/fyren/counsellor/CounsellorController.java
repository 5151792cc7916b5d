package se.fyren.counsellor;

import java.security.Principal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

import se.fyren.audit.AuditAction;
import se.fyren.audit.AuditLog;
import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatEvents.ChatAssigned;
import se.fyren.conversation.ChatEvents.Monitored;
import se.fyren.conversation.ChatObservers;
import se.fyren.conversation.ChatStore;
import se.fyren.conversation.Conversations;
import se.fyren.conversation.Party;
import se.fyren.counsellor.CounsellorActivity.DutySet;
import se.fyren.counsellor.CounsellorActivity.Synced;
import se.fyren.counsellor.CounsellorEvents.DutyChanged;
import se.fyren.counsellor.CounsellorEvents.OutcomeRecorded;
import se.fyren.staff.StaffDirectory;
import se.fyren.staff.StaffProperties.Account;
import se.fyren.statistics.ServiceStatistics;
import se.fyren.system.ErrorCode;
import se.fyren.system.FyrenException;
import se.fyren.transport.Delivery;
import se.fyren.transport.Participants;

/**
 * What a counsellor can do over STOMP. Every chat they name is checked to be
 * assigned to them.
 */
@Controller
@MessageMapping("/counsellor")
class CounsellorController {

	private final StaffDirectory staff;

	private final CounsellorPresence presence;

	private final Conversations conversations;

	private final ChatStore chats;

	private final QueueOverview overview;

	private final Delivery delivery;

	private final ConsoleProperties console;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ChatObservers observers;

	private final AuditLog audit;

	private final ServiceStatistics statistics;

	CounsellorController(StaffDirectory staff, CounsellorPresence presence, Conversations conversations,
			ChatStore chats, QueueOverview overview, Delivery delivery, ConsoleProperties console,
			ApplicationEventPublisher events, Clock clock, ChatObservers observers, AuditLog audit,
			ServiceStatistics statistics) {
		this.statistics = statistics;
		this.audit = audit;
		this.observers = observers;
		this.console = console;
		this.events = events;
		this.clock = clock;
		this.staff = staff;
		this.presence = presence;
		this.conversations = conversations;
		this.chats = chats;
		this.overview = overview;
		this.delivery = delivery;
	}

	@MessageMapping("/duty")
	void duty(@Payload Duty duty, Principal principal) {
		Account me = account(principal);
		this.presence.setOnDuty(me.username(), duty.onDuty());
		sendDuty(me);
		this.events.publishEvent(new DutySet(me.username(), duty.onDuty()));
	}

	@MessageMapping("/message")
	void message(@Payload Post post, Principal principal) {
		Chat chat = this.conversations.chatOfCounsellor(Participants.counsellor(principal), post.chatId());
		if (post.referral() != null && !this.console.isReferral(post.referral())) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "referral must be one of the configured referral cards");
		}
		boolean fresh = this.conversations.post(chat, Party.COUNSELLOR, post.id(), post.text());
		if (fresh && post.referral() != null) {
			this.statistics.referralSent(chat.queue(), chat.joinedAt(), post.referral());
		}
	}

	@MessageMapping("/typing")
	void typing(@Payload Typing typing, Principal principal) {
		Chat chat = this.conversations.chatOfCounsellor(Participants.counsellor(principal), typing.chatId());
		this.conversations.typing(chat, Party.COUNSELLOR, typing.typing());
	}

	@MessageMapping("/end")
	void end(@Payload End end, Principal principal) {
		Chat chat = this.conversations.chatOfCounsellor(Participants.counsellor(principal), end.chatId());
		if (end.outcome() != null && !this.console.isOutcome(end.outcome())) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "outcome must be one of the configured outcomes");
		}
		this.conversations.end(chat.id(), Party.COUNSELLOR);
		this.audit.record(chat.counsellor(), AuditAction.END_CHAT, chat.id());
		if (end.outcome() != null) {
			giveOutcome(chat.counsellor(), chat.id(), end.outcome());
		}
	}

	/**
	 * The outcome category of a chat that ended without one (the visitor left,
	 * or it closed for silence): the console asks for it afterwards. Once per
	 * chat, by its counsellor, while the ended chat is kept.
	 */
	@MessageMapping("/outcome")
	void outcome(@Payload Outcome outcome, Principal principal) {
		String username = Participants.counsellor(principal);
		// Whose chat it is comes first: nobody learns anything about another's chat from the answer.
		Chat chat = Optional.ofNullable(outcome.chatId())
			.flatMap(this.chats::find)
			.filter((found) -> username.equals(found.counsellor()))
			.orElseThrow(() -> new FyrenException(ErrorCode.NOT_A_PARTICIPANT, "Not your chat"));
		if (outcome.outcome() == null || !this.console.isOutcome(outcome.outcome())) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "outcome must be one of the configured outcomes");
		}
		if (chat.isOpen()) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "The chat is still open: give the outcome when ending it");
		}
		giveOutcome(username, chat.id(), outcome.outcome());
	}

	private void giveOutcome(String username, String chatId, String outcome) {
		// Only the first outcome of a chat counts; a repeated one (a resent frame) is acknowledged alone.
		this.conversations.giveOutcome(chatId, outcome)
			.ifPresent((chat) -> this.events.publishEvent(new ChatOutcome(chat.queue(), outcome, this.clock.instant())));
		this.delivery.toStaff(username, new OutcomeRecorded(chatId));
	}

	@MessageMapping("/sync")
	void sync(@Payload(required = false) Sync sync, Principal principal) {
		Account me = account(principal);
		sendDuty(me);
		Map<String, Long> seen = (sync != null && sync.afterSeq() != null) ? sync.afterSeq() : Map.of();
		for (Chat chat : this.chats.activeOf(me.username())) {
			this.delivery.toStaff(me.username(), ChatAssigned.of(chat));
			if (!this.observers.of(chat.id()).isEmpty()) {
				this.delivery.toStaff(me.username(), new Monitored(chat.id(), true));
			}
			this.conversations.replay(chat, Party.COUNSELLOR, seen.getOrDefault(chat.id(), 0L));
		}
		this.events.publishEvent(new Synced(me.username()));
	}

	private void sendDuty(Account me) {
		boolean onDuty = this.presence.isOnDuty(me.username());
		this.delivery.toStaff(me.username(), new DutyChanged(onDuty, me.displayName(), me.queues()));
		if (onDuty) {
			this.overview.sendAll(me);
		}
	}

	private Account account(Principal principal) {
		String username = Participants.counsellor(principal);
		return this.staff.find(username)
			.orElseThrow(() -> new FyrenException(ErrorCode.FORBIDDEN, "No such staff member"));
	}

	record Duty(boolean onDuty) {
	}

	record Outcome(String chatId, String outcome) {
	}

	record Post(String chatId, String id, String text, String referral) {
	}

	record Typing(String chatId, boolean typing) {
	}

	record End(String chatId, String outcome) {
	}

	record Sync(Map<String, Long> afterSeq) {
	}

}
