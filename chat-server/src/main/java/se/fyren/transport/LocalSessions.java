package se.fyren.transport;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;

/**
 * The WebSockets open on this node, so that they can all be closed at once
 * when this node may have missed events for them: their clients reconnect
 * and sync, and get from the store whatever went past. Their number per
 * endpoint is a gauge, so an operator sees a node drain while it stops.
 */
@Component
class LocalSessions implements WebSocketHandlerDecoratorFactory, MeterBinder {

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

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Endpoint endpoint : Endpoint.values()) {
			Gauge.builder("fyren.websocket.sessions", this, (sessions) -> sessions.count(endpoint))
				.description("WebSockets open on this node")
				.tag("endpoint", endpoint.name().toLowerCase(Locale.ROOT))
				.strongReference(true)
				.register(registry);
		}
	}

	private long count(Endpoint endpoint) {
		return this.open.stream().filter((session) -> Endpoint.of(session.getAttributes()) == endpoint).count();
	}

	/** How many WebSockets are open on this node. */
	int count() {
		return this.open.size();
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
