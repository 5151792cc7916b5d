package se.fyren.transport;

import java.util.Map;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * The two WebSocket endpoints. The handshake marks each session with the
 * endpoint it came through, so CONNECT can be authenticated the right way.
 */
public enum Endpoint {

	VISITOR("/ws/visitor"), STAFF("/ws/staff");

	private static final String ATTRIBUTE = "fyren.endpoint";

	private final String path;

	Endpoint(String path) {
		this.path = path;
	}

	public String path() {
		return this.path;
	}

	/** The endpoint a session connected through, from its session attributes. */
	public static Endpoint of(Map<String, Object> sessionAttributes) {
		return (sessionAttributes != null) ? (Endpoint) sessionAttributes.get(ATTRIBUTE) : null;
	}

	HandshakeInterceptor marker() {
		return new HandshakeInterceptor() {

			@Override
			public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
					WebSocketHandler wsHandler, Map<String, Object> attributes) {
				attributes.put(ATTRIBUTE, Endpoint.this);
				return true;
			}

			@Override
			public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,
					WebSocketHandler wsHandler, Exception exception) {
			}

		};
	}

}
