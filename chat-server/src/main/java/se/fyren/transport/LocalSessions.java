package se.fyren.transport;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;

/**
 * The WebSockets open on this node, so that they can all be closed at once
 * when this node may have missed events for them: their clients reconnect
 * and sync, and get from the store whatever went past.
 */
@Component
class LocalSessions implements WebSocketHandlerDecoratorFactory {

	private final Set<WebSocketSession> open = ConcurrentHashMap.newKeySet();

	@Override
	public WebSocketHandler decorate(WebSocketHandler handler) {
		return new WebSocketHandlerDecorator(handler) {

			@Override
			public void afterConnectionEstablished(WebSocketSession session) throws Exception {
				LocalSessions.this.open.add(session);
				super.afterConnectionEstablished(session);
			}

			@Override
			public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
				LocalSessions.this.open.remove(session);
				super.afterConnectionClosed(session, status);
			}

		};
	}

	/** Closes every open WebSocket with the status; returns how many. */
	int closeAll(CloseStatus status) {
		int closed = 0;
		for (WebSocketSession session : this.open) {
			try {
				session.close(status);
				closed++;
			}
			catch (IOException ex) {
				// Already going: the client reconnects either way.
			}
		}
		return closed;
	}

}
