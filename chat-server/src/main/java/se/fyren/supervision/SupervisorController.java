package se.fyren.supervision;

import java.security.Principal;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageMapping;
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

	SupervisorController(DashboardWatchers watchers) {
		this.watchers = watchers;
	}

	@MessageMapping("/watch")
	void watch(Principal principal, @Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId) {
		this.watchers.watch(sessionId, Participants.supervisor(principal));
	}

}
