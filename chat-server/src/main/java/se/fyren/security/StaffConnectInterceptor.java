package se.fyren.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

import se.fyren.transport.Endpoint;
import se.fyren.transport.Participants;
import se.fyren.transport.SessionErrors;

/**
 * A CONNECT on the staff endpoint must come from a logged-in staff member.
 * The HTTP filter already refuses anonymous handshakes; this holds the line
 * should that configuration ever change.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaffConnectInterceptor implements ChannelInterceptor {

	private final SessionErrors errors;

	StaffConnectInterceptor(SessionErrors errors) {
		this.errors = errors;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (accessor != null && accessor.getCommand() == StompCommand.CONNECT
				&& Endpoint.of(accessor.getSessionAttributes()) == Endpoint.STAFF
				&& !Participants.isStaff(accessor.getUser())) {
			this.errors.refuseConnect(accessor.getSessionId(), "UNAUTHENTICATED");
			return null;
		}
		return message;
	}

}
