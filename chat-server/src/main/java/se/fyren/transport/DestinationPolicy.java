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
 * SENDs must name a destination that exists. The security gate has already
 * decided who may use which group of destinations ({@code /app/visitor/**}
 * visitors only, and so on) and which subscriptions exist; this adds what a
 * pattern cannot know: that {@code /app/visitor/anything} has a
 * {@code @MessageMapping}. Anything else is dropped and answered with
 * {@code UNKNOWN_DESTINATION} on {@code /user/queue/errors}; the connection
 * stays open.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DestinationPolicy implements ChannelInterceptor {

	static final String APP_PREFIX = "/app";

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
		if (accessor == null || accessor.getCommand() != StompCommand.SEND
				|| sendDestinations().contains(accessor.getDestination())) {
			return message;
		}
		Principal user = accessor.getUser();
		if (user != null) {
			this.errors.send(user, accessor.getSessionId(),
					new ErrorPayload(ErrorCode.UNKNOWN_DESTINATION, "No such destination"));
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
