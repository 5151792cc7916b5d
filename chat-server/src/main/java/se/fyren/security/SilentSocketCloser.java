package se.fyren.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;

import se.fyren.transport.TransportProperties;

/**
 * Closes a socket that has not completed STOMP CONNECT within
 * {@code fyren.transport.connect-timeout}. Spring's own time-to-first-message
 * check only runs when some other socket is active, so on a quiet server an
 * attacker could hold thousands of silent sockets open; this sweeps every
 * second regardless.
 */
@Component
class SilentSocketCloser implements WebSocketHandlerDecoratorFactory {

	private final Map<WebSocketSession, Instant> waiting = new ConcurrentHashMap<>();

	private final TransportProperties transport;

	private final Clock clock;

	SilentSocketCloser(TransportProperties transport, Clock clock) {
		this.transport = transport;
		this.clock = clock;
	}

	@Override
	public WebSocketHandler decorate(WebSocketHandler handler) {
		return new WebSocketHandlerDecorator(handler) {

			@Override
			public void afterConnectionEstablished(WebSocketSession session) throws Exception {
				SilentSocketCloser.this.waiting.put(session, SilentSocketCloser.this.clock.instant());
				super.afterConnectionEstablished(session);
			}

			@Override
			public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
				SilentSocketCloser.this.waiting.remove(session);
				super.afterConnectionClosed(session, closeStatus);
			}

		};
	}

	@Scheduled(fixedDelay = 1000)
	void closeSilentSockets() {
		Instant cutoff = this.clock.instant().minus(this.transport.connectTimeout());
		this.waiting.forEach((session, opened) -> {
			if (Boolean.TRUE.equals(session.getAttributes().get(StompGate.CONNECTED))) {
				this.waiting.remove(session);
			}
			else if (opened.isBefore(cutoff)) {
				this.waiting.remove(session);
				try {
					session.close(CloseStatus.POLICY_VIOLATION.withReason("No CONNECT"));
				}
				catch (IOException ex) {
					// Already gone.
				}
			}
		});
	}

}
