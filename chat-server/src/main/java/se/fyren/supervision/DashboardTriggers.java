package se.fyren.supervision;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.fyren.conversation.ConversationEvents.ChatClosed;
import se.fyren.counsellor.CounsellorActivity.DutySet;
import se.fyren.queue.QueueEvents.QueueChanged;
import se.fyren.routing.PauseEvents.PauseSet;

/**
 * What changes the dashboard's figures: someone joins, leaves or is taken
 * from a queue, a chat ends, a counsellor goes on or off duty or pauses, a
 * supervisor starts or stops following a chat.
 */
@Component
class DashboardTriggers {

	private final DashboardChanges changes;

	DashboardTriggers(DashboardChanges changes) {
		this.changes = changes;
	}

	@EventListener
	void on(QueueChanged changed) {
		this.changes.announce();
	}

	@EventListener
	void on(ChatClosed closed) {
		this.changes.announce();
	}

	@EventListener
	void on(DutySet duty) {
		this.changes.announce();
	}

	@EventListener
	void on(PauseSet pause) {
		this.changes.announce();
	}

	@EventListener
	void on(ChatMonitored monitored) {
		this.changes.announce();
	}

}
