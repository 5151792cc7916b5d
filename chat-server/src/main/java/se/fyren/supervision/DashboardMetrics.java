package se.fyren.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import se.fyren.supervision.SupervisionEvents.Dashboard;
import se.fyren.supervision.SupervisionEvents.QueueFigures;

/**
 * The dashboard's "today" figures and breaches as gauges per queue, for
 * Prometheus and its alert rules. One scrape computes the dashboard once.
 */
@Component
class DashboardMetrics implements MeterBinder {

	// Gauges of one scrape are read within milliseconds of each other.
	private static final Duration REUSE = Duration.ofSeconds(1);

	private final DashboardFigures figures;

	private final QueueFloor floor;

	private final Clock clock;

	private Dashboard latest;

	private Instant computedAt = Instant.MIN;

	DashboardMetrics(DashboardFigures figures, QueueFloor floor, Clock clock) {
		this.figures = figures;
		this.floor = floor;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String queue : this.floor.queues()) {
			gauge(registry, "fyren.queue.wait.target", "seconds", "The queue's wait target", queue,
					QueueFigures::targetSeconds);
			gauge(registry, "fyren.queue.wait.today.median", "seconds", "Median wait of chats taken today", queue,
					(q) -> (q.medianWaitSeconds() != null) ? q.medianWaitSeconds() : Double.NaN);
			gauge(registry, "fyren.queue.wait.today.p90", "seconds", "90th percentile wait of chats taken today",
					queue, (q) -> (q.p90WaitSeconds() != null) ? q.p90WaitSeconds() : Double.NaN);
			gauge(registry, "fyren.queue.answered.within.target.today", null,
					"Share of chats taken today that waited at most the target", queue,
					(q) -> (q.answeredWithinTarget() != null) ? q.answeredWithinTarget() : Double.NaN);
			gauge(registry, "fyren.queue.answered.today", null, "Chats taken today", queue, QueueFigures::answeredToday);
			gauge(registry, "fyren.queue.abandoned.today", null, "Visitors who left the queue today while waiting",
					queue, QueueFigures::abandonedToday);
			gauge(registry, "fyren.queue.counsellors.busy", null, "On-duty counsellors of the queue in a chat", queue,
					QueueFigures::busy);
			gauge(registry, "fyren.queue.breach", null, "1 while someone has waited longer than the target", queue,
					(q) -> q.breach() ? 1 : 0);
		}
	}

	private void gauge(MeterRegistry registry, String name, String unit, String description, String queue,
			ToDoubleFunction<QueueFigures> value) {
		Gauge.builder(name, this, (metrics) -> metrics.figuresOf(queue, value))
			.baseUnit(unit)
			.description(description)
			.tag("queue", queue)
			.strongReference(true)
			.register(registry);
	}

	private synchronized double figuresOf(String queue, ToDoubleFunction<QueueFigures> value) {
		Instant now = this.clock.instant();
		if (this.latest == null || Duration.between(this.computedAt, now).abs().compareTo(REUSE) > 0) {
			this.latest = this.figures.now();
			this.computedAt = now;
		}
		return this.latest.queues()
			.stream()
			.filter((figures) -> figures.queue().equals(queue))
			.mapToDouble(value)
			.findFirst()
			.orElse(Double.NaN);
	}

}
