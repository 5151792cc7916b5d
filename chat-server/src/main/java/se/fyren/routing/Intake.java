package se.fyren.routing;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

import se.fyren.conversation.Chat;
import se.fyren.queue.QueueCatalog;
import se.fyren.queue.QueueProperties.Definition;
import se.fyren.queue.Reception;
import se.fyren.routing.RoutingEvents.UrgentBecause;
import se.fyren.system.ErrorCode;
import se.fyren.system.FyrenException;

/**
 * Admission to a queue: nobody joins a closed queue; a full queue (too many
 * waiting, or too long an expected wait) admits only visitors in danger.
 */
@Component
public class Intake {

	private final QueueCatalog catalog;

	private final Reception reception;

	private final WaitInformation waitInformation;

	private final UrgentAlerts alerts;

	private final Clock clock;

	Intake(QueueCatalog catalog, Reception reception, WaitInformation waitInformation, UrgentAlerts alerts,
			Clock clock) {
		this.catalog = catalog;
		this.reception = reception;
		this.waitInformation = waitInformation;
		this.alerts = alerts;
		this.clock = clock;
	}

	/** Joins the queue if it admits the visitor now; QUEUE_CLOSED or QUEUE_FULL otherwise. */
	public Chat join(String visitorId, String queue, String ageBand, String language, boolean danger) {
		this.reception.checkJoin(visitorId, queue, ageBand, language);
		if (!this.catalog.isOpen(queue, this.clock.instant())) {
			throw new FyrenException(ErrorCode.QUEUE_CLOSED, "The queue is closed now; see GET /api/queues");
		}
		if (!danger && isFull(this.catalog.definition(queue).orElseThrow())) {
			throw new FyrenException(ErrorCode.QUEUE_FULL, "The queue cannot take more visitors now");
		}
		Chat chat = this.reception.join(visitorId, queue, ageBand, language, danger);
		if (danger) {
			this.alerts.raise(chat, UrgentBecause.DANGER);
		}
		return chat;
	}

	private boolean isFull(Definition queue) {
		if (queue.maxWaiting() != null && this.waitInformation.waitingCount(queue.id()) >= queue.maxWaiting()) {
			return true;
		}
		Duration limit = queue.maxExpectedWait();
		if (limit == null) {
			return false;
		}
		Optional<Duration> expected = this.waitInformation.estimateForNewcomer(queue.id());
		return expected.filter((wait) -> wait.compareTo(limit) > 0).isPresent();
	}

}
