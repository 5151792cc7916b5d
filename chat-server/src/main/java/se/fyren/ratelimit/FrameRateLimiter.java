package se.fyren.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import se.fyren.system.ErrorCode;
import se.fyren.system.ErrorPayload;
import se.fyren.transport.SessionErrors;

/**
 * Limits the frames of each WebSocket connection. A connection lives on one
 * node, so its bucket does too, in every mode. Frames over the limit are
 * dropped; the sender hears {@code RATE_LIMITED} once per wait, not once per
 * dropped frame, so a flood cannot make the server flood back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FrameRateLimiter implements ChannelInterceptor {

	private final RateLimits limits;

	private final SessionErrors errors;

	private final Map<String, Connection> connections = new ConcurrentHashMap<>();

	FrameRateLimiter(RateLimits limits, SessionErrors errors) {
		this.limits = limits;
		this.errors = errors;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (accessor == null || accessor.getCommand() == null || accessor.getCommand() == StompCommand.DISCONNECT
				|| accessor.getSessionId() == null) {
			return message;
		}
		Connection connection = this.connections.computeIfAbsent(accessor.getSessionId(), (id) -> new Connection(
				Bucket.builder().addLimit(this.limits.configuration(Limit.CONNECTION_FRAMES).getBandwidths()[0]).build()));
		ConsumptionProbe probe = connection.bucket().tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return message;
		}
		this.limits.refused(Limit.CONNECTION_FRAMES);
		long now = System.nanoTime();
		if (accessor.getUser() != null && now >= connection.quietUntil) {
			connection.quietUntil = now + probe.getNanosToWaitForRefill();
			this.errors.send(accessor.getUser(), accessor.getSessionId(), new ErrorPayload(ErrorCode.RATE_LIMITED,
					"Too many frames; slow down", ErrorPayload.seconds(Duration.ofNanos(probe.getNanosToWaitForRefill()))));
		}
		return null;
	}

	@EventListener
	void closed(SessionDisconnectEvent event) {
		this.connections.remove(event.getSessionId());
	}

	private static final class Connection {

		private final Bucket bucket;

		private volatile long quietUntil;

		Connection(Bucket bucket) {
			this.bucket = bucket;
		}

		Bucket bucket() {
			return this.bucket;
		}

	}

}
