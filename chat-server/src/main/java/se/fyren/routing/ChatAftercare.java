package se.fyren.routing;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ConversationEvents.ChatClosed;

/**
 * What follows the end of a chat for routing: its handling time for wait
 * estimates, and after an urgent chat a pause before the counsellor's next
 * automatic offer, for their wellbeing.
 */
@Component
@Order(0)
class ChatAftercare {

	private final WaitStatistics statistics;

	private final CounsellorAvailability availability;

	private final VisitorActivity activity;

	private final RoutingProperties properties;

	private final Clock clock;

	ChatAftercare(WaitStatistics statistics, CounsellorAvailability availability, VisitorActivity activity,
			RoutingProperties properties, Clock clock) {
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
		if (chat.startedAt() != null && chat.endedAt() != null) {
			this.statistics.recordHandling(chat.queue(), Duration.between(chat.startedAt(), chat.endedAt()));
		}
		if (chat.urgent() && chat.counsellor() != null && !this.properties.highRiskPause().isZero()) {
			this.availability.pauseUntil(chat.counsellor(), this.clock.instant().plus(this.properties.highRiskPause()));
		}
	}

}
