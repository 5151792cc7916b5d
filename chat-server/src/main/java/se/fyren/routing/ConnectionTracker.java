package se.fyren.routing;

import java.security.Principal;
import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.transport.Participants;
import se.fyren.transport.VisitorPrincipal;

/**
 * Records STOMP sessions opening and closing in {@link Connections}, so
 * inactivity rules can tell a gone participant from a quiet one. A returning
 * visitor counts as seen in their chat.
 */
@Component
class ConnectionTracker {

	private final Connections connections;

	private final ChatStore chats;

	private final VisitorActivity activity;

	private final Clock clock;

	ConnectionTracker(Connections connections, ChatStore chats, VisitorActivity activity, Clock clock) {
		this.connections = connections;
		this.chats = chats;
		this.activity = activity;
		this.clock = clock;
	}

	@EventListener
	void on(SessionConnectedEvent connected) {
		Principal user = connected.getUser();
		String sessionId = sessionId(connected.getMessage().getHeaders().get("simpSessionId"));
		if (user == null || sessionId == null) {
			return;
		}
		String participant = participant(user);
		if (participant != null) {
			this.connections.connected(participant, sessionId);
		}
		if (user instanceof VisitorPrincipal visitor) {
			this.chats.latestOfVisitor(visitor.visitorId())
				.filter((chat) -> chat.status() == Chat.Status.ACTIVE)
				.ifPresent((chat) -> this.activity.seen(chat.id(), this.clock.instant()));
		}
	}

	@EventListener
	void on(SessionDisconnectEvent disconnected) {
		Principal user = disconnected.getUser();
		String participant = (user != null) ? participant(user) : null;
		if (participant != null) {
			this.connections.disconnected(participant, disconnected.getSessionId(), this.clock.instant());
		}
	}

	/** Visitors by their id, staff by username: the keys {@link Connections} uses. */
	static String participant(Principal user) {
		if (user instanceof VisitorPrincipal visitor) {
			return visitorKey(visitor.visitorId());
		}
		return Participants.isStaff(user) ? user.getName() : null;
	}

	static String visitorKey(String visitorId) {
		return "visitor:" + visitorId;
	}

	private static String sessionId(Object header) {
		return (header instanceof String id) ? id : null;
	}

}
