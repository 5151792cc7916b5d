package se.fyren.transport;

import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

import se.fyren.system.ErrorCode;
import se.fyren.system.ErrorPayload;

/**
 * Which frames may pass after CONNECT. A SEND must name an application
 * destination that exists and is open to the sender's kind (visitor or
 * counsellor); a SUBSCRIBE must name one of the two personal queues. Anything
 * else is dropped and answered with an error on {@code /user/queue/errors};
 * the connection stays open.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DestinationPolicy implements ChannelInterceptor {

	static final String APP_PREFIX = "/app";

	static final Set<String> SUBSCRIPTIONS = Set.of("/user/queue/events", "/user/queue/errors");

	private final ObjectProvider<SimpAnnotationMethodMessageHandler> handler;

	private final SessionErrors errors;

	private volatile Set<String> sendDestinations;

	DestinationPolicy(ObjectProvider<SimpAnnotationMethodMessageHandler> handler, SessionErrors errors) {
		this.handler = handler;
		this.errors = errors;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (accessor == null || accessor.getCommand() == null) {
			return message;
		}
		StompCommand command = accessor.getCommand();
		String destination = accessor.getDestination();
		Principal user = accessor.getUser();
		ErrorPayload refusal = switch (command) {
			case SEND -> checkSend(destination, user);
			case SUBSCRIBE -> SUBSCRIPTIONS.contains(destination) ? null
					: new ErrorPayload(ErrorCode.UNKNOWN_DESTINATION, "Subscribe to /user/queue/events or /user/queue/errors");
			default -> null;
		};
		if (refusal == null) {
			return message;
		}
		if (user != null) {
			this.errors.send(user, accessor.getSessionId(), refusal);
		}
		return null;
	}

	private ErrorPayload checkSend(String destination, Principal user) {
		if (destination == null || !sendDestinations().contains(destination)) {
			return new ErrorPayload(ErrorCode.UNKNOWN_DESTINATION, "No such destination");
		}
		if (destination.startsWith("/app/visitor/") && !(user instanceof VisitorPrincipal)) {
			return new ErrorPayload(ErrorCode.FORBIDDEN, "Only visitors may use this destination");
		}
		if (destination.startsWith("/app/counsellor/") && !Participants.isCounsellor(user)) {
			return new ErrorPayload(ErrorCode.FORBIDDEN, "Only counsellors may use this destination");
		}
		if (destination.startsWith("/app/supervisor/") && !Participants.isSupervisor(user)) {
			return new ErrorPayload(ErrorCode.FORBIDDEN, "Only supervisors may use this destination");
		}
		return null;
	}

	/** Every destination a client may SEND to: the {@code @MessageMapping}s. */
	Set<String> sendDestinations() {
		Set<String> known = this.sendDestinations;
		if (known == null) {
			known = this.handler.getObject()
				.getHandlerMethods()
				.keySet()
				.stream()
				.flatMap((info) -> info.getDestinationConditions().getPatterns().stream())
				.map((pattern) -> APP_PREFIX + pattern)
				.collect(Collectors.toUnmodifiableSet());
			this.sendDestinations = known;
		}
		return known;
	}

}
