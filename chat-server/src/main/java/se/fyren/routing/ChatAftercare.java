package se.fyren.routing;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ConversationEvents.ChatClosed;

/**
 * What follows the end of a chat for routing: its counsellor's place is free
 * again, its handling time counts for wait estimates, and after an urgent
 * chat the counsellor gets a pause before their next automatic offer, for
 * their wellbeing.
 */
@Component
@Order(0)
class ChatAftercare {

	private final WaitStatistics statistics;

	private final CounsellorAvailability availability;

	private final VisitorActivity activity;

	private final ChatCapacity capacity;

	private final RoutingProperties properties;

	private final Clock clock;

	ChatAftercare(WaitStatistics statistics, CounsellorAvailability availability, VisitorActivity activity,
			ChatCapacity capacity, RoutingProperties properties, Clock clock) {
		this.capacity = capacity;
		this.statistics = statistics;
		this.availability = availability;
		this.activity = activity;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	@Order(0)
	void on(ChatClosed closed) {
		Chat chat = closed.chat();
		this.activity.forget(chat.id());
		if (chat.counsellor() != null) {
			this.capacity.release(chat.counsellor(), chat.id());
		}
		if (chat.startedAt() != null && chat.endedAt() != null) {
			this.statistics.recordHandling(chat.queue(), Duration.between(chat.startedAt(), chat.endedAt()));
		}
		if (chat.urgent() && chat.counsellor() != null && !this.properties.highRiskPause().isZero()) {
			this.availability.pauseUntil(chat.counsellor(), this.clock.instant().plus(this.properties.highRiskPause()));
		}
	}

}
