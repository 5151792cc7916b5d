package se.fyren.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.counsellor.CounsellorPresence;
import se.fyren.queue.QueueCatalog;
import se.fyren.queue.QueueProperties;
import se.fyren.queue.Reception;
import se.fyren.queue.WaitingChat;
import se.fyren.routing.CounsellorAvailability;
import se.fyren.staff.StaffProperties;
import se.fyren.staff.StaffRole;

/**
 * The live state of every queue for {@link QueueMetrics}, read from the
 * state interfaces. A snapshot
 * is reused for a second: a scrape reads several figures per queue, and in
 * cluster mode each read is a round trip to Redis.
 */
@Component
class LiveQueues {

	private static final Duration REUSE = Duration.ofSeconds(1);

	private final QueueCatalog catalog;

	private final Reception reception;

	private final ChatStore chats;

	private final CounsellorPresence presence;

	private final StaffProperties staff;

	private final CounsellorAvailability availability;

	private final Clock clock;

	private volatile Snapshot last;

	LiveQueues(QueueCatalog catalog, Reception reception, ChatStore chats, CounsellorPresence presence,
			StaffProperties staff, CounsellorAvailability availability, Clock clock) {
		this.availability = availability;
		this.catalog = catalog;
		this.reception = reception;
		this.chats = chats;
		this.presence = presence;
		this.staff = staff;
		this.clock = clock;
	}

	/** The figures of one queue, at most a second old. */
	Figure of(String queue) {
		return current().figures().getOrDefault(queue, Figure.NONE);
	}

	/** Counsellors on duty in the whole service. */
	int counsellorsOnDuty() {
		return current().counsellorsOnDuty();
	}

	/** Counsellors on duty who have paused, in the whole service. */
	int counsellorsPaused() {
		return current().counsellorsPaused();
	}

	private Snapshot current() {
		Instant now = this.clock.instant();
		Snapshot snapshot = this.last;
		if (snapshot == null || !snapshot.takenAt().plus(REUSE).isAfter(now)) {
			synchronized (this) {
				snapshot = this.last;
				if (snapshot == null || !snapshot.takenAt().plus(REUSE).isAfter(now)) {
					snapshot = take(now);
					this.last = snapshot;
				}
			}
		}
		return snapshot;
	}

	private Snapshot take(Instant now) {
		Set<String> onDuty = this.presence.onDuty();
		Set<String> paused = new HashSet<>(this.availability.paused());
		paused.retainAll(onDuty);
		Map<String, Integer> active = new HashMap<>();
		Map<String, Integer> serving = new HashMap<>();
		Map<String, Integer> pausing = new HashMap<>();
		for (StaffProperties.Account account : this.staff.accounts()) {
			if (!account.roles().contains(StaffRole.COUNSELLOR)) {
				continue;
			}
			for (Chat chat : this.chats.activeOf(account.username())) {
				active.merge(chat.queue(), 1, Integer::sum);
			}
			if (onDuty.contains(account.username())) {
				account.queues().forEach((queue) -> serving.merge(queue, 1, Integer::sum));
			}
			if (paused.contains(account.username())) {
				account.queues().forEach((queue) -> pausing.merge(queue, 1, Integer::sum));
			}
		}
		Map<String, Figure> figures = new HashMap<>();
		for (QueueProperties.Definition definition : this.catalog.definitions()) {
			String queue = definition.id();
			List<WaitingChat> waiting = this.reception.waitingIn(queue);
			Duration longest = waiting.stream()
				.map(WaitingChat::waitingSince)
				.min(Instant::compareTo)
				.map((since) -> Duration.between(since, now))
				.filter((wait) -> !wait.isNegative())
				.orElse(Duration.ZERO);
			int urgent = (int) waiting.stream().filter(WaitingChat::urgent).count();
			figures.put(queue, new Figure(waiting.size(), urgent, longest, active.getOrDefault(queue, 0),
					serving.getOrDefault(queue, 0), pausing.getOrDefault(queue, 0)));
		}
		return new Snapshot(now, Map.copyOf(figures), onDuty.size(), paused.size());
	}

	/**
	 * One queue now.
	 *
	 * @param waiting visitors waiting
	 * @param urgentWaiting of those, how many are flagged high priority
	 * @param longestWait how long the one waiting longest has waited
	 * @param chatsActive chats of the queue a counsellor is holding
	 * @param counsellorsOnDuty on-duty counsellors who serve the queue
	 * @param counsellorsPaused of those, how many have paused
	 */
	record Figure(int waiting, int urgentWaiting, Duration longestWait, int chatsActive, int counsellorsOnDuty,
			int counsellorsPaused) {

		static final Figure NONE = new Figure(0, 0, Duration.ZERO, 0, 0, 0);

	}

	private record Snapshot(Instant takenAt, Map<String, Figure> figures, int counsellorsOnDuty,
			int counsellorsPaused) {
	}

}
