package se.fyren.supervision;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import se.fyren.supervision.SupervisionEvents.Dashboard;
import se.fyren.transport.Delivery;

/**
 * Keeps watching supervisors' dashboards current: promptly after a change on
 * any node (see {@link DashboardChanges}), and at the refresh interval
 * because waits grow while nothing happens. Changes are gathered for a
 * moment, so a busy evening's stream of them costs one computation per push
 * interval. Watchers are the STOMP sessions of this node that asked; a
 * session stops watching when it closes.
 */
@Component
class DashboardWatchers {

	private final Map<String, String> usernameBySession = new ConcurrentHashMap<>();

	private final AtomicBoolean changed = new AtomicBoolean();

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

	/** The figures changed somewhere: push them with the next push interval. */
	void changed() {
		this.changed.set(true);
	}

	@Scheduled(fixedDelayString = "${fyren.supervision.push-interval:250ms}")
	void pushChanges() {
		if (this.changed.getAndSet(false)) {
			refresh();
		}
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
