package se.fyren.letterbox;

import java.security.Principal;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

import se.fyren.staff.StaffDirectory;
import se.fyren.staff.StaffProperties.Account;
import se.fyren.system.ErrorCode;
import se.fyren.system.FyrenException;
import se.fyren.transport.Participants;

/**
 * Counsellors read and answer letterbox messages of their groups over STOMP.
 */
@Controller
@MessageMapping("/counsellor")
class LetterboxStaffController {

	private final StaffDirectory staff;

	private final LetterboxDesk desk;

	LetterboxStaffController(StaffDirectory staff, LetterboxDesk desk) {
		this.staff = staff;
		this.desk = desk;
	}

	@MessageMapping("/letterbox")
	void list(Principal principal) {
		this.desk.sendPending(account(principal));
	}

	@MessageMapping("/letterbox-answer")
	void answer(@Payload Answer answer, Principal principal) {
		this.desk.answer(account(principal), answer.id(), answer.text());
	}

	private Account account(Principal principal) {
		return this.staff.find(Participants.counsellor(principal))
			.orElseThrow(() -> new FyrenException(ErrorCode.FORBIDDEN, "No such staff member"));
	}

	record Answer(String id, String text) {
	}

}
