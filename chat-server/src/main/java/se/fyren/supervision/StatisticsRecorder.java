package se.fyren.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.fyren.counsellor.ChatOutcome;
import se.fyren.queue.QueueEvents.ChatAbandoned;
import se.fyren.queue.QueueEvents.ChatJoined;
import se.fyren.queue.QueueEvents.ChatTaken;

/**
 * Turns what happens in the queues into hourly aggregates, samples staffing,
 * and forgets hours past the history window.
 */
@Component
class StatisticsRecorder {

	private final QueueStatistics statistics;

	private final QueueFloor floor;

	private final SupervisionProperties properties;

	private final Clock clock;

	StatisticsRecorder(QueueStatistics statistics, QueueFloor floor, SupervisionProperties properties, Clock clock) {
		this.statistics = statistics;
		this.floor = floor;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	void on(ChatJoined joined) {
		this.statistics.arrived(joined.queue(), joined.at());
	}

	@EventListener
	void on(ChatTaken taken) {
		this.statistics.answered(taken.queue(), taken.takenAt(), Duration.between(taken.joinedAt(), taken.takenAt()));
	}

	@EventListener
	void on(ChatAbandoned abandoned) {
		this.statistics.abandoned(abandoned.queue(), abandoned.leftAt());
	}

	@EventListener
	void on(ChatOutcome outcome) {
		this.statistics.outcome(outcome.queue(), outcome.at(), outcome.outcome());
	}

	@Scheduled(fixedDelayString = "${fyren.supervision.staffing-sample-interval:1m}")
	void sampleStaffing() {
		Instant now = this.clock.instant();
		this.floor.staffing().forEach((queue, staffing) -> this.statistics.staffed(queue, now, staffing.onDuty()));
		this.statistics.forgetBefore(now.minus(Duration.ofDays(this.properties.historyDays())));
	}

}
