package se.fyren.routing;

import java.security.Principal;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

import se.fyren.system.ErrorCode;
import se.fyren.system.FyrenException;
import se.fyren.transport.Participants;

/**
 * A counsellor pauses or resumes, over STOMP.
 */
@Controller
@MessageMapping("/counsellor")
class PauseController {

	private final Pauses pauses;

	PauseController(Pauses pauses) {
		this.pauses = pauses;
	}

	@MessageMapping("/pause")
	void pause(@Payload Pause pause, Principal principal) {
		if (pause.paused() == null) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "paused is required");
		}
		this.pauses.set(Participants.counsellor(principal), pause.paused());
	}

	record Pause(Boolean paused) {
	}

}
