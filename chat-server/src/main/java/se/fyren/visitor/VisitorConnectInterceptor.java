package se.fyren.visitor;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

import se.fyren.system.ErrorCode;
import se.fyren.transport.Endpoint;
import se.fyren.transport.SessionErrors;
import se.fyren.transport.VisitorPrincipal;

/**
 * Authenticates a CONNECT on the visitor endpoint by its {@code visitor-token}
 * header. Whatever principal the handshake carried is replaced: on this
 * endpoint everybody is a visitor.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class VisitorConnectInterceptor implements ChannelInterceptor {

	static final String TOKEN_HEADER = "visitor-token";

	private final VisitorRegistry registry;

	private final SessionErrors errors;

	VisitorConnectInterceptor(VisitorRegistry registry, SessionErrors errors) {
		this.registry = registry;
		this.errors = errors;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (accessor == null || accessor.getCommand() != StompCommand.CONNECT
				|| Endpoint.of(accessor.getSessionAttributes()) != Endpoint.VISITOR) {
			return message;
		}
		String token = accessor.getFirstNativeHeader(TOKEN_HEADER);
		if (token == null || token.isBlank()) {
			this.errors.refuseConnect(accessor.getSessionId(), "MISSING_VISITOR_TOKEN");
			return null;
		}
		VisitorSession session;
		try {
			session = this.registry.recognise(token).orElse(null);
		}
		catch (DataAccessException ex) {
			// Never throw here (see SessionErrors); the widget retries.
			this.errors.refuseConnect(accessor.getSessionId(), ErrorCode.TEMPORARILY_UNAVAILABLE.name());
			return null;
		}
		if (session == null) {
			this.errors.refuseConnect(accessor.getSessionId(), "UNKNOWN_VISITOR_TOKEN");
			return null;
		}
		accessor.setUser(new VisitorPrincipal(session.id()));
		return message;
	}

}
