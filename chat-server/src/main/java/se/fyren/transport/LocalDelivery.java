package se.fyren.transport;

import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Delivers through this node's simple broker: enough for one node.
 */
@Component
class LocalDelivery implements Delivery {

	static final String EVENTS = "/queue/events";

	private final SimpMessagingTemplate messaging;

	LocalDelivery(SimpMessagingTemplate messaging) {
		this.messaging = messaging;
	}

	@Override
	public void toVisitor(String visitorId, ClientEvent event) {
		this.messaging.convertAndSendToUser(VisitorPrincipal.nameOf(visitorId), EVENTS, event);
	}

	@Override
	public void toStaff(String username, ClientEvent event) {
		this.messaging.convertAndSendToUser(username, EVENTS, event);
	}

}
