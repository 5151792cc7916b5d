package se.fyren.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.conversation.ConversationEvents.ChatClosed;
import se.fyren.counsellor.CounsellorPresence;
import se.fyren.queue.QueueCatalog;
import se.fyren.queue.QueueEvents.ChatAbandoned;
import se.fyren.queue.QueueEvents.ChatTaken;
import se.fyren.queue.Separation;
import se.fyren.routing.RoutingEvents.ClearedBecause;
import se.fyren.routing.RoutingEvents.Urgent;
import se.fyren.routing.RoutingEvents.UrgentBecause;
import se.fyren.routing.RoutingEvents.UrgentCleared;
import se.fyren.staff.StaffDirectory;
import se.fyren.staff.StaffProperties.Account;
import se.fyren.transport.ClientEvent;
import se.fyren.transport.Delivery;

/**
 * Flags an urgent chat to the counsellors who may serve it and to every
 * supervisor, and clears the flag for them once a counsellor has the chat or
 * it is over, so an alert on screen always means someone in danger still
 * waits.
 */
@Component
class UrgentAlerts {

	private static final Logger logger = LoggerFactory.getLogger(UrgentAlerts.class);

	private final StaffDirectory staff;

	private final CounsellorPresence presence;

	private final QueueCatalog catalog;

	private final ChatStore chats;

	private final Delivery delivery;

	UrgentAlerts(StaffDirectory staff, CounsellorPresence presence, QueueCatalog catalog, ChatStore chats,
			Delivery delivery) {
		this.staff = staff;
		this.presence = presence;
		this.catalog = catalog;
		this.chats = chats;
		this.delivery = delivery;
	}

	void raise(Chat chat, UrgentBecause reason) {
		logger.info("Chat {} in queue {} is urgent ({})", chat.id(), chat.queue(), reason);
		tellStaff(chat, new Urgent(chat.id(), chat.queue(), reason));
	}

	@EventListener
	void on(ChatTaken taken) {
		this.chats.find(taken.chatId())
			.filter(Chat::urgent)
			.ifPresent((chat) -> clear(chat, ClearedBecause.TAKEN));
	}

	@EventListener
	void on(ChatClosed closed) {
		if (closed.chat().urgent()) {
			clear(closed.chat(), ClearedBecause.ENDED);
		}
	}

	@EventListener
	void on(ChatAbandoned abandoned) {
		this.chats.find(abandoned.chatId())
			.filter(Chat::urgent)
			.ifPresent((chat) -> clear(chat, ClearedBecause.ENDED));
	}

	private void clear(Chat chat, ClearedBecause reason) {
		tellStaff(chat, new UrgentCleared(chat.id(), chat.queue(), reason));
	}

	private void tellStaff(Chat chat, ClientEvent event) {
		for (Account account : this.staff.all()) {
			boolean counsellor = account.isCounsellor() && this.presence.isOnDuty(account.username())
					&& Separation.mayServe(this.catalog.sides(), account.queues(), chat.queue());
			if (account.isSupervisor() || counsellor || account.username().equals(chat.counsellor())) {
				this.delivery.toStaff(account.username(), event);
			}
		}
	}

}
