package se.fyren.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.fyren.queue.Reception;
import se.fyren.queue.WaitingChat;
import se.fyren.supervision.SupervisionEvents.ActiveChat;
import se.fyren.supervision.SupervisionEvents.Dashboard;
import se.fyren.supervision.SupervisionEvents.QueueFigures;

/**
 * Computes the dashboard: live figures from the queues and the floor, today's
 * from the hourly statistics. "Today" starts at local midnight in the
 * configured zone.
 */
@Component
class DashboardFigures {

	private final Reception reception;

	private final QueueFloor floor;

	private final QueueStatistics statistics;

	private final SupervisionProperties properties;

	private final Clock clock;

	private final ChatMonitors monitors;

	DashboardFigures(Reception reception, QueueFloor floor, QueueStatistics statistics,
			SupervisionProperties properties, Clock clock, ChatMonitors monitors) {
		this.monitors = monitors;
		this.reception = reception;
		this.floor = floor;
		this.statistics = statistics;
		this.properties = properties;
		this.clock = clock;
	}

	/** The whole dashboard as of now. */
	Dashboard now() {
		Instant now = this.clock.instant();
		Instant midnight = LocalDate.ofInstant(now, this.properties.zone()).atStartOfDay(this.properties.zone()).toInstant();
		Map<String, QueueFloor.Staffing> staffing = this.floor.staffing();
		List<QueueFigures> queues = new ArrayList<>();
		for (String queue : this.floor.queues()) {
			queues.add(figures(queue, now, midnight, staffing.get(queue)));
		}
		List<ActiveChat> chats = this.floor.activeChats()
			.stream()
			.map((chat) -> new ActiveChat(chat.id(), chat.queue(), chat.counsellorName(), chat.startedAt(),
					!this.monitors.of(chat.id()).isEmpty()))
			.toList();
		return new Dashboard(now, queues, chats);
	}

	private QueueFigures figures(String queue, Instant now, Instant midnight, QueueFloor.Staffing staffing) {
		Duration target = this.properties.targetOf(queue);
		List<WaitingChat> waiting = this.reception.waitingIn(queue);
		Duration longest = waiting.stream()
			.map((chat) -> Duration.between(chat.waitingSince(), now))
			.max(Duration::compareTo)
			.orElse(Duration.ZERO);
		List<HourFigures> today = this.statistics.hours(queue, midnight, now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)));
		List<Duration> waits = today.stream().flatMap((hour) -> hour.answeredWaits().stream()).toList();
		long withinTarget = waits.stream().filter((wait) -> wait.compareTo(target) <= 0).count();
		int abandoned = today.stream().mapToInt(HourFigures::abandoned).sum();
		int arrivals = today.stream().mapToInt(HourFigures::arrivals).sum();
		int urgentWaiting = (int) waiting.stream().filter(WaitingChat::urgent).count();
		return new QueueFigures(queue, target.toSeconds(), waiting.size(), urgentWaiting, longest.toSeconds(),
				seconds(WaitPercentiles.of(waits, 0.5)), seconds(WaitPercentiles.of(waits, 0.9)), arrivals,
				waits.size(), waits.isEmpty() ? null : (double) withinTarget / waits.size(), abandoned,
				staffing.onDuty(), staffing.busy(), staffing.paused(), staffing.activeChats(),
				longest.compareTo(target) > 0);
	}

	private static Long seconds(Duration duration) {
		return (duration != null) ? duration.toSeconds() : null;
	}

}
