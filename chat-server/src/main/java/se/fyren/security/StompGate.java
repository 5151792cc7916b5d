package se.fyren.security;

import java.util.Map;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.messaging.access.intercept.AuthorizationChannelInterceptor;

import se.fyren.system.ErrorCode;
import se.fyren.system.ErrorPayload;
import se.fyren.transport.Endpoint;
import se.fyren.transport.SessionErrors;

/**
 * The first interceptor on the inbound channel: every frame passes Spring
 * Security's authorization with {@link StompAccessRules} here, before anything
 * else sees it. Spring's own interceptors run again right after as a backstop;
 * this one exists because they refuse by throwing, and with ordered inbound
 * handling a thrown exception never reaches the client while Spring logs the
 * frame. Here a refusal becomes a structured error and the frame is dropped.
 * <ul>
 * <li>CONNECT on the staff endpoint needs a staff login and the CSRF token; a
 * refused CONNECT gets an ERROR frame ({@code UNAUTHENTICATED},
 * {@code INVALID_CSRF_TOKEN}) and the socket closes.</li>
 * <li>Any other frame before a completed CONNECT gets {@code NOT_CONNECTED}
 * and the socket closes.</li>
 * <li>A frame the rules deny gets {@code FORBIDDEN}, or
 * {@code UNKNOWN_DESTINATION} when no rule names its destination; the
 * connection stays open.</li>
 * </ul>
 */
final class StompGate implements ChannelInterceptor {

	static final String CONNECTED = "fyren.connected";

	private static final String SELECTOR_HEADER = "selector";

	private final ChannelInterceptor authorization;

	private final ChannelInterceptor csrf;

	private final SessionErrors errors;

	StompGate(AuthorizationManager<Message<?>> rules, ChannelInterceptor csrf, SessionErrors errors) {
		this.authorization = new AuthorizationChannelInterceptor(rules);
		this.csrf = csrf;
		this.errors = errors;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (accessor == null || accessor.getCommand() == null) {
			// A heartbeat.
			return message;
		}
		StompCommand command = accessor.getCommand();
		String sessionId = accessor.getSessionId();
		if (command == StompCommand.CONNECT || command == StompCommand.STOMP) {
			return connect(message, channel, accessor);
		}
		if (command == StompCommand.DISCONNECT) {
			return message;
		}
		if (!isConnected(accessor.getSessionAttributes()) || accessor.getUser() == null) {
			this.errors.refuseConnect(sessionId, "NOT_CONNECTED");
			return null;
		}
		if (command == StompCommand.SUBSCRIBE && accessor.getFirstNativeHeader(SELECTOR_HEADER) != null) {
			// The simple broker would evaluate it as an expression.
			this.errors.send(accessor.getUser(), sessionId,
					new ErrorPayload(ErrorCode.INVALID_PAYLOAD, "Subscriptions take no selector"));
			return null;
		}
		try {
			return this.authorization.preSend(message, channel);
		}
		catch (AccessDeniedException | IllegalArgumentException ex) {
			// IllegalArgumentException: a destination that is not a path at all (bad percent-encoding, say).
			ErrorPayload refusal = (ex instanceof AccessDeniedException) && StompAccessRules.knows(message)
					? new ErrorPayload(ErrorCode.FORBIDDEN, "Not open to you")
					: new ErrorPayload(ErrorCode.UNKNOWN_DESTINATION, "No such destination");
			this.errors.send(accessor.getUser(), sessionId, refusal);
			return null;
		}
	}

	private Message<?> connect(Message<?> message, MessageChannel channel, StompHeaderAccessor accessor) {
		if (isConnected(accessor.getSessionAttributes())) {
			this.errors.refuseConnect(accessor.getSessionId(), "ALREADY_CONNECTED");
			return null;
		}
		try {
			this.authorization.preSend(message, channel);
		}
		catch (AccessDeniedException | IllegalArgumentException ex) {
			this.errors.refuseConnect(accessor.getSessionId(), "UNAUTHENTICATED");
			return null;
		}
		if (Endpoint.of(accessor.getSessionAttributes()) == Endpoint.STAFF) {
			try {
				this.csrf.preSend(message, channel);
			}
			catch (RuntimeException ex) {
				// Missing or wrong token: a page on another site is trying to use the staff member's cookie.
				this.errors.refuseConnect(accessor.getSessionId(), "INVALID_CSRF_TOKEN");
				return null;
			}
		}
		return message;
	}

	/** Marks the session connected once every interceptor has let its CONNECT through. */
	@Override
	public void postSend(Message<?> message, MessageChannel channel, boolean sent) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (sent && accessor != null
				&& (accessor.getCommand() == StompCommand.CONNECT || accessor.getCommand() == StompCommand.STOMP)
				&& accessor.getSessionAttributes() != null) {
			accessor.getSessionAttributes().put(CONNECTED, Boolean.TRUE);
		}
	}

	private static boolean isConnected(Map<String, Object> attributes) {
		return attributes != null && Boolean.TRUE.equals(attributes.get(CONNECTED));
	}

}
