package se.fyren.supervision;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import se.fyren.queue.QueueEvents.QueueChanged;
import se.fyren.supervision.SupervisionEvents.Dashboard;
import se.fyren.transport.Delivery;

/**
 * Keeps watching supervisors' dashboards current: at once when a queue
 * changes, and at the refresh interval because waits grow while nothing
 * happens. Watchers are the STOMP sessions of this node that asked; a session
 * stops watching when it closes.
 */
@Component
class DashboardWatchers {

	private final Map<String, String> usernameBySession = new ConcurrentHashMap<>();

	private final DashboardFigures figures;

	private final Delivery delivery;

	DashboardWatchers(DashboardFigures figures, Delivery delivery) {
		this.figures = figures;
		this.delivery = delivery;
	}

	/** Starts sending the dashboard to the supervisor, beginning now. */
	void watch(String sessionId, String username) {
		this.usernameBySession.put(sessionId, username);
		this.delivery.toStaff(username, this.figures.now());
	}

	@EventListener
	void on(SessionDisconnectEvent disconnected) {
		this.usernameBySession.remove(disconnected.getSessionId());
	}

	@EventListener
	void on(QueueChanged changed) {
		refresh();
	}

	@Scheduled(fixedDelayString = "${fyren.supervision.refresh-interval:5s}")
	void refresh() {
		Set<String> watching = this.usernameBySession.values().stream().collect(Collectors.toSet());
		if (watching.isEmpty()) {
			return;
		}
		Dashboard dashboard = this.figures.now();
		watching.forEach((username) -> this.delivery.toStaff(username, dashboard));
	}

}
