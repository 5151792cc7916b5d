package se.fyren.routing;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.fyren.counsellor.CounsellorActivity.DutySet;
import se.fyren.counsellor.CounsellorActivity.Synced;
import se.fyren.counsellor.CounsellorPresence;
import se.fyren.routing.PauseEvents.PauseSet;
import se.fyren.routing.PauseEvents.Paused;
import se.fyren.routing.RoutingEvents.WithdrawnBecause;
import se.fyren.system.ErrorCode;
import se.fyren.system.FyrenException;
import se.fyren.transport.Delivery;

/**
 * A counsellor's own pause between on and off duty: they keep their chats
 * and may still pick one by hand, but get no automatic offers and no
 * transfers until they resume. Going on or off duty always ends a pause, so
 * a shift never starts paused.
 */
@Component
class Pauses {

	private final CounsellorPresence presence;

	private final CounsellorAvailability availability;

	private final Router router;

	private final Delivery delivery;

	private final ApplicationEventPublisher events;

	Pauses(CounsellorPresence presence, CounsellorAvailability availability, Router router, Delivery delivery,
			ApplicationEventPublisher events) {
		this.presence = presence;
		this.availability = availability;
		this.router = router;
		this.delivery = delivery;
		this.events = events;
	}

	/** Pauses or resumes an on-duty counsellor; their open offers go to colleagues. */
	void set(String username, boolean paused) {
		if (!this.presence.isOnDuty(username)) {
			throw new FyrenException(ErrorCode.NOT_ON_DUTY, "Go on duty first");
		}
		this.availability.setPaused(username, paused);
		if (paused) {
			this.router.withdrawAllOf(username, WithdrawnBecause.UNAVAILABLE);
		}
		this.delivery.toStaff(username, new Paused(paused));
		this.events.publishEvent(new PauseSet(username, paused));
		this.router.route();
	}

	// Before the router's own listener, so that it routes to someone no longer paused.
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(DutySet duty) {
		if (this.availability.paused().contains(duty.username())) {
			this.availability.setPaused(duty.username(), false);
			this.delivery.toStaff(duty.username(), new Paused(false));
			this.events.publishEvent(new PauseSet(duty.username(), false));
		}
	}

	@EventListener
	void on(Synced synced) {
		boolean paused = this.presence.isOnDuty(synced.username())
				&& this.availability.paused().contains(synced.username());
		this.delivery.toStaff(synced.username(), new Paused(paused));
	}

}
