package se.fyren.routing;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import se.fyren.conversation.Chat;
import se.fyren.queue.QueueEvents.Position;
import se.fyren.queue.QueueEvents.WaitingReason;
import se.fyren.queue.Separation;
import se.fyren.queue.WaitingReasons;
import se.fyren.routing.RoutingPolicy.CounsellorEntry;
import se.fyren.routing.RoutingPolicy.WaitingEntry;
import se.fyren.routing.RoutingState.Snapshot;
import se.fyren.transport.Delivery;

/**
 * Honest wait information for queued visitors: their place in routing order,
 * an estimate from recent handling times and the capacity on duty, and why
 * they wait when nobody suitable is on duty. Pushed whenever it changes.
 */
@Component
public class WaitInformation implements WaitingReasons {

	private final RoutingState state;

	private final WaitStatistics statistics;

	private final Delivery delivery;

	private final RoutingProperties properties;

	private final Clock clock;

	/** What each visitor was last told, so unchanged positions are not resent. */
	private final Map<String, Position> told = new ConcurrentHashMap<>();

	WaitInformation(RoutingState state, WaitStatistics statistics, Delivery delivery, RoutingProperties properties,
			Clock clock) {
		this.state = state;
		this.statistics = statistics;
		this.delivery = delivery;
		this.properties = properties;
		this.clock = clock;
	}

	/** The visitor's current position, or empty when the chat does not wait. */
	public Optional<Position> positionOf(Chat chat) {
		Snapshot snapshot = this.state.snapshot(this.clock.instant());
		return line(snapshot, chat.queue()).stream()
			.filter((entry) -> entry.chatId().equals(chat.id()))
			.findFirst()
			.map((entry) -> position(snapshot, entry));
	}

	/**
	 * The estimated wait of someone joining the queue now (not urgent), or
	 * empty when there is no basis for an estimate.
	 */
	public Optional<Duration> estimateForNewcomer(String queue) {
		Snapshot snapshot = this.state.snapshot(this.clock.instant());
		int place = line(snapshot, queue).size() + 1;
		return estimate(snapshot, queue, place);
	}

	@Override
	public Map<String, WaitingReason> of(String queue) {
		Snapshot snapshot = this.state.snapshot(this.clock.instant());
		Map<String, WaitingReason> reasons = new HashMap<>();
		for (WaitingEntry entry : line(snapshot, queue)) {
			WaitingReason reason = RoutingPolicy.reason(snapshot.sides(), entry, snapshot.counsellors());
			if (reason != null) {
				reasons.put(entry.chatId(), reason);
			}
		}
		return reasons;
	}

	/** How many chats wait in the queue now. */
	public int waitingCount(String queue) {
		return line(this.state.snapshot(this.clock.instant()), queue).size();
	}

	void publish(Snapshot snapshot) {
		for (WaitingEntry entry : snapshot.waiting()) {
			Position position = position(snapshot, entry);
			Chat chat = snapshot.chats().get(entry.chatId());
			if (!position.equals(this.told.put(entry.chatId(), position))) {
				this.delivery.toVisitor(chat.visitorId(), position);
			}
		}
		this.told.keySet().retainAll(snapshot.chats().keySet());
	}

	/** Tells the visitor their position again even if unchanged, e.g. after a reconnect. */
	void forget(String chatId) {
		this.told.remove(chatId);
	}

	private Position position(Snapshot snapshot, WaitingEntry entry) {
		List<WaitingEntry> line = line(snapshot, entry.queue());
		int place = line.indexOf(entry) + 1;
		WaitingReason reason = RoutingPolicy.reason(snapshot.sides(), entry, snapshot.counsellors());
		Integer seconds = (reason != null) ? null
				: estimate(snapshot, entry.queue(), place).map((wait) -> (int) wait.toSeconds()).orElse(null);
		return new Position(entry.queue(), place, seconds, reason);
	}

	private static List<WaitingEntry> line(Snapshot snapshot, String queue) {
		return snapshot.waiting()
			.stream()
			.filter((entry) -> entry.queue().equals(queue))
			.sorted(RoutingPolicy.ORDER)
			.toList();
	}

	/**
	 * Places that free up at once are the free capacity on duty; beyond them,
	 * each round of chats takes an average handling time shared over the
	 * capacity of everyone on duty for the queue.
	 */
	private Optional<Duration> estimate(Snapshot snapshot, String queue, int place) {
		List<CounsellorEntry> serving = snapshot.counsellors()
			.stream()
			.filter(CounsellorEntry::onDuty)
			.filter((counsellor) -> Separation.mayServe(snapshot.sides(), counsellor.queues(), queue))
			.sorted(Comparator.comparing(CounsellorEntry::username))
			.toList();
		int capacity = serving.stream().mapToInt(CounsellorEntry::capacity).sum();
		if (capacity == 0) {
			return Optional.empty();
		}
		int free = serving.stream()
			.filter(CounsellorEntry::ready)
			.mapToInt((counsellor) -> Math.max(0, counsellor.capacity() - counsellor.load()))
			.sum();
		// Chats already offered count among those served at once.
		long offered = line(snapshot, queue).stream().filter((entry) -> entry.offeredTo() != null).count();
		int ahead = place - free - (int) offered;
		if (ahead <= 0) {
			return Optional.of(Duration.ZERO);
		}
		Duration average = this.statistics.averageHandling(queue).orElse(this.properties.defaultHandlingTime());
		return Optional.of(average.multipliedBy(ahead).dividedBy(capacity));
	}

}
