package se.fyren.testsupport;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Lets a test play a network failure on the server side: drop every visitor
 * socket, and refuse new ones until told otherwise. Import it into a
 * {@code @SpringBootTest}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class VisitorSockets implements WebSocketMessageBrokerConfigurer {

	private final Set<WebSocketSession> open = ConcurrentHashMap.newKeySet();

	private volatile boolean refusing;

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		registration.addDecoratorFactory((handler) -> new WebSocketHandlerDecorator(handler) {

			@Override
			public void afterConnectionEstablished(WebSocketSession session) throws Exception {
				super.afterConnectionEstablished(session);
				if (!isVisitor(session)) {
					return;
				}
				if (VisitorSockets.this.refusing) {
					session.close(CloseStatus.SERVICE_RESTARTED);
					return;
				}
				VisitorSockets.this.open.add(session);
			}

			@Override
			public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
				VisitorSockets.this.open.remove(session);
				super.afterConnectionClosed(session, status);
			}

		});
	}

	/** Closes every open visitor socket; with {@code refuse}, new ones are closed at once until {@link #accept()}. */
	public void drop(boolean refuse) {
		this.refusing = refuse;
		for (WebSocketSession session : Set.copyOf(this.open)) {
			try {
				session.close(CloseStatus.SERVICE_RESTARTED);
			}
			catch (IOException ex) {
				// Already gone: that is what we wanted.
			}
		}
	}

	/** Accepts visitor sockets again. */
	public void accept() {
		this.refusing = false;
	}

	/** How many visitor sockets are open now. */
	public int openCount() {
		return this.open.size();
	}

	private static boolean isVisitor(WebSocketSession session) {
		return session.getUri() != null && session.getUri().getPath().endsWith("/ws/visitor");
	}

}
