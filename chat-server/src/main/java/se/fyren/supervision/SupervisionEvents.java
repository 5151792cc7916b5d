package se.fyren.supervision;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

import se.fyren.transport.ClientEvent;

/**
 * Events for supervisors.
 */
final class SupervisionEvents {

	private SupervisionEvents() {
	}

	/** Every queue's figures as of {@code at}. */
	@JsonTypeName("dashboard")
	record Dashboard(Instant at, List<QueueFigures> queues, List<ActiveChat> chats) implements ClientEvent {
	}

	/**
	 * One queue on the dashboard. Durations are whole seconds.
	 *
	 * @param queue queue id
	 * @param targetSeconds the queue's wait target
	 * @param waiting visitors waiting now
	 * @param urgentWaiting of those, how many are flagged high priority (danger)
	 * @param longestWaitSeconds how long the longest-waiting visitor has waited so far; 0 when nobody waits
	 * @param medianWaitSeconds median wait of the chats answered today, or null
	 * @param p90WaitSeconds 90th percentile of the same waits, or null
	 * @param arrivalsToday visitors who joined today
	 * @param answeredToday chats taken today
	 * @param answeredWithinTarget share (0 to 1) of today's answered chats that waited at most the target, or null
	 * @param abandonedToday visitors who left the queue today before anyone took their chat
	 * @param onDuty counsellors serving the queue who are on duty
	 * @param busy of those, how many are in a chat
	 * @param paused of those, how many have paused (no new offers)
	 * @param activeChats chats of this queue under way
	 * @param breach whether someone has waited longer than the target right now
	 */
	record QueueFigures(String queue, long targetSeconds, int waiting, int urgentWaiting, long longestWaitSeconds,
			Long medianWaitSeconds, Long p90WaitSeconds, int arrivalsToday, int answeredToday,
			Double answeredWithinTarget, int abandonedToday, int onDuty, int busy, int paused, int activeChats,
			boolean breach) {
	}

	/**
	 * To a supervisor: they now follow a chat read-only, or stopped.
	 *
	 * @param chatId the chat
	 * @param queue its queue (null when stopped)
	 * @param counsellor the counsellor's display name (null when stopped)
	 * @param state FOLLOWING or STOPPED
	 */
	@JsonTypeName("monitoring")
	record Monitoring(String chatId, String queue, String counsellor, State state) implements ClientEvent {

		enum State {

			FOLLOWING, STOPPED

		}

	}

	/**
	 * A chat under way, for choosing one to follow. Nothing about the visitor.
	 *
	 * @param chatId the opaque chat id
	 * @param queue its queue
	 * @param counsellor the counsellor's display name
	 * @param startedAt when the counsellor took it
	 * @param monitored whether a supervisor follows it
	 */
	record ActiveChat(String chatId, String queue, String counsellor, Instant startedAt, boolean monitored) {
	}

}
