package se.fyren.transport;

import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

/**
 * Delivers through this node's simple broker: enough for one node. Sends one
 * message per session rather than one per user: with ordered inbound
 * handling, Spring fails to fan a single message out to a user's second
 * session (a counsellor with two tabs).
 */
@Component
class LocalDelivery implements Delivery {

	static final String EVENTS = "/queue/events";

	private final SimpMessagingTemplate messaging;

	private final SimpUserRegistry users;

	LocalDelivery(SimpMessagingTemplate messaging, SimpUserRegistry users) {
		this.messaging = messaging;
		this.users = users;
	}

	@Override
	public void toVisitor(String visitorId, ClientEvent event) {
		send(VisitorPrincipal.nameOf(visitorId), event);
	}

	@Override
	public void toStaff(String username, ClientEvent event) {
		send(username, event);
	}

	/**
	 * Sends to every session of the user held by this node; the payload is
	 * an event or an event's JSON tree as another node serialised it.
	 */
	void send(String userName, Object event) {
		SimpUser user = this.users.getUser(userName);
		if (user == null) {
			return;
		}
		for (SimpSession session : user.getSessions()) {
			SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create();
			headers.setSessionId(session.getId());
			headers.setLeaveMutable(true);
			this.messaging.convertAndSendToUser(userName, EVENTS, event, headers.getMessageHeaders());
		}
	}

}
