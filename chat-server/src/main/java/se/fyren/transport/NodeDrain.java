package se.fyren.transport;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Moves this node's clients to the other nodes when it is stopped (SIGTERM,
 * a rolling update, {@code context.close()}). The context-closed event comes
 * before anything stops, so the whole application still works while this
 * runs: new WebSocket handshakes are answered 503 (a load balancer tries
 * another node), and every open WebSocket is closed with 1012 Service
 * Restart, which the widget and the console answer by reconnecting.
 *
 * <p>The sessions end as any dropped connection does: in cluster mode a
 * counsellor's chats stay theirs while they reconnect through the load
 * balancer to another node within {@code fyren.routing.counsellor-drop-grace},
 * and go back to the front of their queues after it; a queued visitor keeps
 * their place for {@code fyren.routing.queued-disconnect-grace}. Nothing is
 * kept only on this node, and each client's sync replays what it missed.
 * Without this, Spring would close them with 1001 Going Away only after
 * messaging had stopped, and a client could reconnect to this node in the
 * moment before its port closes.
 */
@Component
class NodeDrain implements ApplicationListener<ContextClosedEvent>, HandshakeInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(NodeDrain.class);

	private final LocalSessions sessions;

	private final ApplicationContext context;

	private final Duration timeout;

	private final AtomicBoolean draining = new AtomicBoolean();

	NodeDrain(LocalSessions sessions, ApplicationContext context, TransportProperties properties) {
		this.sessions = sessions;
		this.context = context;
		this.timeout = properties.drainTimeout();
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (event.getApplicationContext() != this.context || this.draining.getAndSet(true)) {
			return;
		}
		int closed = this.sessions.closeAll(CloseStatus.SERVICE_RESTARTED);
		logger.info("Stopping: closed {} WebSockets so their clients reconnect to another node", closed);
		// Their disconnects are recorded (shared state, presence) while the store is still there.
		long deadline = System.nanoTime() + this.timeout.toNanos();
		while (this.sessions.count() > 0 && System.nanoTime() < deadline) {
			pause();
		}
		if (this.sessions.count() > 0) {
			logger.warn("Stopping with {} WebSockets still closing", this.sessions.count());
		}
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		if (this.draining.get()) {
			response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
			return false;
		}
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
	}

	private static void pause() {
		try {
			TimeUnit.MILLISECONDS.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
