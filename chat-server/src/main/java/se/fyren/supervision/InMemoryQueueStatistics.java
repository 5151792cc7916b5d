package se.fyren.supervision;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Hourly aggregates in this node's memory, for embedded mode. Lost on
 * restart.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class InMemoryQueueStatistics implements QueueStatistics {

	private final Map<String, ConcurrentSkipListMap<Instant, Hour>> queues = new ConcurrentHashMap<>();

	@Override
	public void arrived(String queue, Instant at) {
		change(queue, at, (hour) -> hour.arrivals++);
	}

	@Override
	public void answered(String queue, Instant at, Duration waited) {
		change(queue, at, (hour) -> hour.answeredWaits.add(waited));
	}

	@Override
	public void abandoned(String queue, Instant at) {
		change(queue, at, (hour) -> hour.abandoned++);
	}

	@Override
	public void staffed(String queue, Instant at, int onDuty) {
		change(queue, at, (hour) -> hour.maxOnDuty = Math.max(hour.maxOnDuty, onDuty));
	}

	@Override
	public void outcome(String queue, Instant at, String outcome) {
		change(queue, at, (hour) -> hour.outcomes.merge(outcome, 1, Integer::sum));
	}

	@Override
	public List<HourFigures> hours(String queue, Instant from, Instant to) {
		ConcurrentSkipListMap<Instant, Hour> hours = this.queues.get(queue);
		if (hours == null || !from.isBefore(to)) {
			return List.of();
		}
		List<HourFigures> figures = new ArrayList<>();
		hours.subMap(from, true, to, false).forEach((start, hour) -> {
			synchronized (hour) {
				figures.add(new HourFigures(start, hour.arrivals, hour.answeredWaits, hour.abandoned, hour.maxOnDuty,
						hour.outcomes));
			}
		});
		return figures;
	}

	@Override
	public void forgetBefore(Instant cutoff) {
		this.queues.values().forEach((hours) -> hours.headMap(cutoff, false).clear());
	}

	private void change(String queue, Instant at, Consumer<Hour> change) {
		Hour hour = this.queues.computeIfAbsent(queue, (key) -> new ConcurrentSkipListMap<>())
			.computeIfAbsent(at.truncatedTo(ChronoUnit.HOURS), (key) -> new Hour());
		synchronized (hour) {
			change.accept(hour);
		}
	}

	private static final class Hour {

		int arrivals;

		final List<Duration> answeredWaits = new ArrayList<>();

		int abandoned;

		int maxOnDuty;

		final Map<String, Integer> outcomes = new HashMap<>();

	}

}
