package se.fyren.supervision;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import se.fyren.audit.AuditAction;
import se.fyren.audit.AuditLog;
import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatEvents.MessagePosted;
import se.fyren.conversation.ChatEvents.Monitored;
import se.fyren.conversation.ChatStore;
import se.fyren.conversation.Conversations;
import se.fyren.conversation.Transcripts;
import se.fyren.supervision.SupervisionEvents.Monitoring.State;
import se.fyren.system.ErrorCode;
import se.fyren.system.FyrenException;
import se.fyren.transport.Delivery;

/**
 * Silent monitoring: a supervisor follows a live chat read-only. The
 * counsellor is always told, and every start and stop is written to the audit
 * log (who, which chat, when; never what was written).
 */
@Component
class Monitoring {

	private static final Logger audit = LoggerFactory.getLogger("se.fyren.audit");

	private final ChatMonitors monitors;

	private final ChatStore chats;

	private final Transcripts transcripts;

	private final Delivery delivery;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AuditLog auditLog;

	private final Conversations conversations;

	Monitoring(ChatMonitors monitors, ChatStore chats, Transcripts transcripts, Delivery delivery,
			ApplicationEventPublisher events, Clock clock, AuditLog auditLog, Conversations conversations) {
		this.conversations = conversations;
		this.monitors = monitors;
		this.chats = chats;
		this.transcripts = transcripts;
		this.delivery = delivery;
		this.events = events;
		this.clock = clock;
		this.auditLog = auditLog;
	}

	/** Starts following the chat and sends the supervisor what was written so far. */
	void start(String supervisor, String sessionId, String chatId) {
		Chat chat = (chatId != null) ? this.chats.find(chatId).filter((found) -> found.status() == Chat.Status.ACTIVE)
			.orElse(null) : null;
		if (chat == null) {
			throw new FyrenException(ErrorCode.NO_ACTIVE_CHAT, "No active chat has that id");
		}
		boolean first = this.monitors.start(chat.id(), sessionId, supervisor);
		record(supervisor, chat.id(), true);
		this.auditLog.record(supervisor, AuditAction.MONITOR_CHAT, chat.id());
		this.delivery.toStaff(supervisor, new SupervisionEvents.Monitoring(chat.id(), chat.queue(),
				chat.counsellorName(), State.FOLLOWING));
		this.transcripts.after(chat.id(), 0)
			.forEach((message) -> this.delivery.toStaff(supervisor, MessagePosted.of(message)));
		this.conversations.sendNotes(chat, supervisor);
		if (first) {
			this.delivery.toStaff(chat.counsellor(), new Monitored(chat.id(), true));
		}
	}

	/** Stops following the chat. */
	void stop(String supervisor, String sessionId, String chatId) {
		if (chatId == null) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "chatId is missing");
		}
		stopQuietly(supervisor, sessionId, chatId);
		this.delivery.toStaff(supervisor, new SupervisionEvents.Monitoring(chatId, null, null, State.STOPPED));
	}

	@EventListener
	void on(SessionDisconnectEvent disconnected) {
		String username = (disconnected.getUser() != null) ? disconnected.getUser().getName() : "unknown";
		for (String chatId : this.monitors.followedBy(disconnected.getSessionId())) {
			stopQuietly(username, disconnected.getSessionId(), chatId);
		}
	}

	private void stopQuietly(String supervisor, String sessionId, String chatId) {
		boolean wasFollowing = this.monitors.of(chatId).contains(supervisor);
		boolean last = this.monitors.stop(chatId, sessionId);
		if (wasFollowing) {
			record(supervisor, chatId, false);
		}
		if (last) {
			this.chats.find(chatId)
				.filter(Chat::isOpen)
				.ifPresent((chat) -> this.delivery.toStaff(chat.counsellor(), new Monitored(chat.id(), false)));
		}
	}

	private void record(String supervisor, String chatId, boolean started) {
		audit.info("Supervisor {} {} monitoring chat {}", supervisor, started ? "started" : "stopped", chatId);
		this.events.publishEvent(new ChatMonitored(supervisor, chatId, started, this.clock.instant()));
	}

}
