package se.fyren.routing;

import java.security.Principal;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

import se.fyren.audit.AuditAction;
import se.fyren.audit.AuditLog;
import se.fyren.conversation.Chat;
import se.fyren.staff.StaffDirectory;
import se.fyren.staff.StaffProperties.Account;
import se.fyren.system.ErrorCode;
import se.fyren.system.FyrenException;
import se.fyren.transport.Participants;

/**
 * What a counsellor can do about who holds a chat, over STOMP: take or pick
 * from a queue, accept or decline an offer, transfer.
 */
@Controller
@MessageMapping("/counsellor")
class RoutingController {

	private final StaffDirectory staff;

	private final Assignments assignments;

	private final AuditLog audit;

	RoutingController(StaffDirectory staff, Assignments assignments, AuditLog audit) {
		this.staff = staff;
		this.assignments = assignments;
		this.audit = audit;
	}

	@MessageMapping("/take")
	void take(@Payload Take take, Principal principal) {
		Account me = account(principal);
		Chat taken = this.assignments.take(me, take.queue(), take.chatId());
		this.audit.record(me.username(), AuditAction.TAKE_CHAT, taken.id());
	}

	@MessageMapping("/accept")
	void accept(@Payload ChatRef ref, Principal principal) {
		Account me = account(principal);
		Chat accepted = this.assignments.accept(me, requireChatId(ref.chatId()));
		this.audit.record(me.username(), AuditAction.TAKE_CHAT, accepted.id());
	}

	@MessageMapping("/decline")
	void decline(@Payload ChatRef ref, Principal principal) {
		this.assignments.decline(account(principal), requireChatId(ref.chatId()));
	}

	@MessageMapping("/transfer")
	void transfer(@Payload Transfer transfer, Principal principal) {
		this.assignments.transfer(account(principal), requireChatId(transfer.chatId()), transfer.toCounsellor(),
				transfer.toQueue(), transfer.note());
	}

	private static String requireChatId(String chatId) {
		if (chatId == null || chatId.isBlank()) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "chatId is required");
		}
		return chatId;
	}

	private Account account(Principal principal) {
		return this.staff.find(Participants.counsellor(principal))
			.orElseThrow(() -> new FyrenException(ErrorCode.FORBIDDEN, "No such staff member"));
	}

	record Take(String queue, String chatId) {
	}

	record ChatRef(String chatId) {
	}

	record Transfer(String chatId, String toCounsellor, String toQueue, String note) {
	}

}
