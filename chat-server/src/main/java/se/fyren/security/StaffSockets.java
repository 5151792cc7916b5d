package se.fyren.security;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;

import se.fyren.transport.Endpoint;

/**
 * Knows every open staff WebSocket by username, so that logging out ends
 * them: a console left open on a shared computer must not keep receiving
 * chats after its owner signed out.
 */
@Component
class StaffSockets implements WebSocketHandlerDecoratorFactory, LogoutHandler {

	/** Close code for a socket whose staff member logged out (4000-4999: for applications). */
	static final CloseStatus LOGGED_OUT = new CloseStatus(4001, "Logged out");

	private final Map<String, Set<WebSocketSession>> byUsername = new ConcurrentHashMap<>();

	@Override
	public WebSocketHandler decorate(WebSocketHandler handler) {
		return new WebSocketHandlerDecorator(handler) {

			@Override
			public void afterConnectionEstablished(WebSocketSession session) throws Exception {
				if (Endpoint.of(session.getAttributes()) == Endpoint.STAFF && session.getPrincipal() != null) {
					StaffSockets.this.byUsername
						.computeIfAbsent(session.getPrincipal().getName(), (name) -> ConcurrentHashMap.newKeySet())
						.add(session);
				}
				super.afterConnectionEstablished(session);
			}

			@Override
			public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
				if (session.getPrincipal() != null) {
					StaffSockets.this.byUsername.computeIfPresent(session.getPrincipal().getName(), (name, sessions) -> {
						sessions.remove(session);
						return sessions.isEmpty() ? null : sessions;
					});
				}
				super.afterConnectionClosed(session, closeStatus);
			}

		};
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (authentication == null) {
			return;
		}
		Set<WebSocketSession> sessions = this.byUsername.remove(authentication.getName());
		if (sessions == null) {
			return;
		}
		for (WebSocketSession session : sessions) {
			try {
				session.close(LOGGED_OUT);
			}
			catch (IOException ex) {
				// Already gone.
			}
		}
	}

}
