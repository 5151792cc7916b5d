package se.fyren.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.conversation.ConversationEvents.VisitorSeen;
import se.fyren.conversation.Conversations;
import se.fyren.conversation.Party;
import se.fyren.counsellor.CounsellorPresence;
import se.fyren.queue.QueueCatalog;
import se.fyren.queue.Reception;
import se.fyren.routing.RoutingEvents.Inactive;
import se.fyren.routing.RoutingEvents.WithdrawnBecause;
import se.fyren.staff.StaffDirectory;
import se.fyren.staff.StaffProperties.Account;

/**
 * Keeps chats from hanging on people who are gone: a silent visitor is warned,
 * then the chat closes; a queued visitor who disconnected leaves the queue
 * after a grace; a counsellor who dropped gets a grace, then their chats go
 * to the front of the queue for others and they go off duty.
 */
@Component
class Inactivity {

	private static final Logger logger = LoggerFactory.getLogger(Inactivity.class);

	private final ChatStore chats;

	private final Conversations conversations;

	private final Reception reception;

	private final QueueCatalog catalog;

	private final StaffDirectory staff;

	private final CounsellorPresence presence;

	private final Connections connections;

	private final VisitorActivity activity;

	private final Assignments assignments;

	private final Router router;

	private final RoutingProperties properties;

	private final Clock clock;

	Inactivity(ChatStore chats, Conversations conversations, Reception reception, QueueCatalog catalog,
			StaffDirectory staff, CounsellorPresence presence, Connections connections, VisitorActivity activity,
			Assignments assignments, Router router, RoutingProperties properties, Clock clock) {
		this.chats = chats;
		this.conversations = conversations;
		this.reception = reception;
		this.catalog = catalog;
		this.staff = staff;
		this.presence = presence;
		this.connections = connections;
		this.activity = activity;
		this.assignments = assignments;
		this.router = router;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	void on(VisitorSeen seen) {
		this.activity.seen(seen.chat().id(), this.clock.instant());
	}

	@Scheduled(fixedDelayString = "${fyren.routing.sweep-interval:2s}")
	void sweep() {
		Instant now = this.clock.instant();
		for (Account account : this.staff.all()) {
			if (!account.isCounsellor()) {
				continue;
			}
			if (droppedTooLong(account.username(), now)) {
				continue;
			}
			for (Chat chat : this.chats.activeOf(account.username())) {
				checkVisitorSilence(chat, now);
			}
		}
		for (String queue : this.catalog.ids()) {
			for (Chat chat : this.reception.waitingChats(queue)) {
				Instant gone = this.connections.disconnectedSince(ConnectionTracker.visitorKey(chat.visitorId()))
					.orElse(null);
				if (gone != null && !now.isBefore(gone.plus(this.properties.queuedDisconnectGrace()))
						&& this.reception.leaveQueue(chat, Party.SYSTEM)) {
					logger.info("Chat {} left queue {}: visitor disconnected", chat.id(), queue);
				}
			}
		}
	}

	private boolean droppedTooLong(String username, Instant now) {
		Instant gone = this.connections.disconnectedSince(username).orElse(null);
		if (gone == null || now.isBefore(gone.plus(this.properties.counsellorDropGrace()))) {
			return false;
		}
		boolean hadWork = this.presence.isOnDuty(username) || !this.chats.activeOf(username).isEmpty();
		if (hadWork) {
			logger.info("A counsellor dropped; their chats go back to the queue");
			this.presence.setOnDuty(username, false);
			this.router.withdrawAllOf(username, WithdrawnBecause.UNAVAILABLE);
			this.assignments.requeueAllOf(username);
		}
		return true;
	}

	private void checkVisitorSilence(Chat chat, Instant now) {
		Instant seen = this.activity.lastSeen(chat.id()).orElse(chat.startedAt());
		if (seen == null) {
			return;
		}
		Instant warned = this.activity.warnedAt(chat.id()).orElse(null);
		if (warned == null) {
			if (!now.isBefore(seen.plus(this.properties.visitorSilenceWarning()))) {
				Duration left = this.properties.inactivityCloseAfter();
				this.activity.warned(chat.id(), now);
				Inactive warning = new Inactive(chat.id(), left.toSeconds());
				this.conversations.notify(chat, Party.VISITOR, warning);
				this.conversations.notify(chat, Party.COUNSELLOR, warning);
			}
		}
		else if (!now.isBefore(warned.plus(this.properties.inactivityCloseAfter()))) {
			logger.info("Chat {} closed for inactivity", chat.id());
			this.conversations.end(chat.id(), Party.SYSTEM);
		}
	}

}
