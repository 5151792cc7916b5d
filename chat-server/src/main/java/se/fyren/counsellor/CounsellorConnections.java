package se.fyren.counsellor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import se.fyren.transport.Participants;

/**
 * Tells {@link CounsellorPresence} when a counsellor's STOMP session on this
 * node opens and closes. Remembers which sessions it counted, so a refused
 * or doubly reported session never unbalances the count.
 */
@Component
class CounsellorConnections {

	private static final Logger logger = LoggerFactory.getLogger(CounsellorConnections.class);

	private final CounsellorPresence presence;

	private final Map<String, String> counted = new ConcurrentHashMap<>();

	CounsellorConnections(CounsellorPresence presence) {
		this.presence = presence;
	}

	@EventListener
	void opened(SessionConnectedEvent event) {
		if (!Participants.isCounsellor(event.getUser())) {
			return;
		}
		String sessionId = StompHeaderAccessor.wrap(event.getMessage()).getSessionId();
		String username = event.getUser().getName();
		if (sessionId != null && this.counted.putIfAbsent(sessionId, username) == null) {
			try {
				this.presence.sessionOpened(username);
			}
			catch (RuntimeException ex) {
				// The node's heartbeat records it once the store answers again.
				logger.warn("Could not record a counsellor session: {}", ex.getClass().getSimpleName());
			}
		}
	}

	@EventListener
	void closed(SessionDisconnectEvent event) {
		String username = this.counted.remove(event.getSessionId());
		if (username != null) {
			try {
				this.presence.sessionClosed(username);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not record a counsellor leaving: {}", ex.getClass().getSimpleName());
			}
		}
	}

}
