package se.fyren.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import se.fyren.conversation.Chat;
import se.fyren.counsellor.CounsellorPresence;
import se.fyren.queue.QueueCatalog;
import se.fyren.queue.Separation;
import se.fyren.routing.RoutingEvents.Urgent;
import se.fyren.routing.RoutingEvents.UrgentBecause;
import se.fyren.staff.StaffDirectory;
import se.fyren.staff.StaffProperties.Account;
import se.fyren.transport.Delivery;

/**
 * Flags an urgent chat to the counsellors who may serve it and to every
 * supervisor.
 */
@Component
class UrgentAlerts {

	private static final Logger logger = LoggerFactory.getLogger(UrgentAlerts.class);

	private final StaffDirectory staff;

	private final CounsellorPresence presence;

	private final QueueCatalog catalog;

	private final Delivery delivery;

	UrgentAlerts(StaffDirectory staff, CounsellorPresence presence, QueueCatalog catalog, Delivery delivery) {
		this.staff = staff;
		this.presence = presence;
		this.catalog = catalog;
		this.delivery = delivery;
	}

	void raise(Chat chat, UrgentBecause reason) {
		logger.info("Chat {} in queue {} is urgent ({})", chat.id(), chat.queue(), reason);
		Urgent event = new Urgent(chat.id(), chat.queue(), reason);
		for (Account account : this.staff.all()) {
			boolean counsellor = account.isCounsellor() && this.presence.isOnDuty(account.username())
					&& Separation.mayServe(this.catalog.sides(), account.queues(), chat.queue());
			if (account.isSupervisor() || counsellor || account.username().equals(chat.counsellor())) {
				this.delivery.toStaff(account.username(), event);
			}
		}
	}

}
