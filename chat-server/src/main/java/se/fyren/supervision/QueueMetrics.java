package se.fyren.supervision;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import se.fyren.queue.QueueCatalog;
import se.fyren.queue.QueueProperties;

/**
 * Live queue figures as metrics, for Prometheus alerts and the supervisors'
 * Grafana dashboard: who waits and how long, chats and counsellors now.
 * {@link DashboardMetrics} adds the day's figures and the wait targets.
 * Per-queue figures are named {@code fyren.queue.*} and tagged with the
 * queue id; the names are listed in ops/README.md. In cluster
 * mode every node reports the same shared state, so dashboards take the
 * maximum over nodes, never the sum.
 */
@Component
class QueueMetrics implements MeterBinder {

	private final QueueCatalog catalog;

	private final LiveQueues figures;

	QueueMetrics(QueueCatalog catalog, LiveQueues figures) {
		this.catalog = catalog;
		this.figures = figures;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (QueueProperties.Definition definition : this.catalog.definitions()) {
			String queue = definition.id();
			Gauge.builder("fyren.queue.waiting", this.figures, (f) -> f.of(queue).waiting())
				.description("Visitors waiting in the queue now")
				.tag("queue", queue)
				.register(registry);
			Gauge.builder("fyren.queue.waiting.urgent", this.figures, (f) -> f.of(queue).urgentWaiting())
				.description("High-priority (danger) chats waiting in the queue now")
				.tag("queue", queue)
				.register(registry);
			Gauge.builder("fyren.queue.longest.wait", this.figures, (f) -> seconds(f.of(queue).longestWait()))
				.description("How long the visitor waiting longest has waited")
				.baseUnit("seconds")
				.tag("queue", queue)
				.register(registry);
			Gauge.builder("fyren.queue.chats.active", this.figures, (f) -> f.of(queue).chatsActive())
				.description("Chats of the queue a counsellor is holding now")
				.tag("queue", queue)
				.register(registry);
			Gauge.builder("fyren.queue.counsellors.on.duty", this.figures, (f) -> f.of(queue).counsellorsOnDuty())
				.description("Counsellors on duty who serve the queue")
				.tag("queue", queue)
				.register(registry);
			Gauge.builder("fyren.queue.counsellors.paused", this.figures, (f) -> f.of(queue).counsellorsPaused())
				.description("On-duty counsellors of the queue who have paused")
				.tag("queue", queue)
				.register(registry);
		}
		Gauge.builder("fyren.counsellors.paused", this.figures, LiveQueues::counsellorsPaused)
			.description("On-duty counsellors who have paused, in the whole service")
			.register(registry);
		Gauge.builder("fyren.counsellors.on.duty", this.figures, LiveQueues::counsellorsOnDuty)
			.description("Counsellors on duty in the whole service")
			.register(registry);
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

}
