package se.fyren.supervision;

import java.security.Principal;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Controller;

import se.fyren.transport.Participants;

/**
 * What a supervisor can do over STOMP. Supervisors watch; they never write
 * into a chat.
 */
@Controller
@MessageMapping("/supervisor")
class SupervisorController {

	private final DashboardWatchers watchers;

	private final Monitoring monitoring;

	SupervisorController(DashboardWatchers watchers, Monitoring monitoring) {
		this.watchers = watchers;
		this.monitoring = monitoring;
	}

	@MessageMapping("/watch")
	void watch(Principal principal, @Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId) {
		this.watchers.watch(sessionId, Participants.supervisor(principal));
	}

	@MessageMapping("/monitor")
	void monitor(@Payload ChatRef ref, Principal principal,
			@Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId) {
		this.monitoring.start(Participants.supervisor(principal), sessionId, ref.chatId());
	}

	@MessageMapping("/unmonitor")
	void unmonitor(@Payload ChatRef ref, Principal principal,
			@Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId) {
		this.monitoring.stop(Participants.supervisor(principal), sessionId, ref.chatId());
	}

	record ChatRef(String chatId) {
	}

}
