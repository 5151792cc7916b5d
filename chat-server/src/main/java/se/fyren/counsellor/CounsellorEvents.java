package se.fyren.counsellor;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonTypeName;

import se.fyren.queue.WaitingChat;
import se.fyren.transport.ClientEvent;

/**
 * Events for counsellors.
 */
final class CounsellorEvents {

	private CounsellorEvents() {
	}

	/** The counsellor's duty status and the queues they serve. */
	@JsonTypeName("duty")
	record DutyChanged(boolean onDuty, String displayName, Set<String> queues) implements ClientEvent {
	}

	/** Who waits in the named queues; queues not named are unchanged. */
	@JsonTypeName("queues")
	record Queues(List<QueueView> queues) implements ClientEvent {
	}

	/** The chat's outcome category is recorded: the console stops asking for it. */
	@JsonTypeName("outcome-recorded")
	record OutcomeRecorded(String chatId) implements ClientEvent {
	}

	/** One queue in the overview. */
	record QueueView(String queue, List<WaitingChat> waiting) {
	}

}
