package se.fyren.counsellor;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.fyren.counsellor.CounsellorEvents.QueueView;
import se.fyren.counsellor.CounsellorEvents.Queues;
import se.fyren.queue.QueueEvents.QueueChanged;
import se.fyren.queue.Reception;
import se.fyren.staff.StaffDirectory;
import se.fyren.staff.StaffProperties.Account;
import se.fyren.transport.Delivery;

/**
 * Keeps on-duty counsellors' queue overviews current.
 */
@Component
class QueueOverview {

	private final Reception reception;

	private final CounsellorPresence presence;

	private final StaffDirectory staff;

	private final Delivery delivery;

	QueueOverview(Reception reception, CounsellorPresence presence, StaffDirectory staff, Delivery delivery) {
		this.reception = reception;
		this.presence = presence;
		this.staff = staff;
		this.delivery = delivery;
	}

	@EventListener
	void on(QueueChanged changed) {
		Queues update = new Queues(List.of(view(changed.queue())));
		for (String username : this.presence.onDuty()) {
			this.staff.find(username)
				.filter((account) -> account.queues().contains(changed.queue()))
				.ifPresent((account) -> this.delivery.toStaff(username, update));
		}
	}

	/** Sends the counsellor every queue they serve. */
	void sendAll(Account account) {
		this.delivery.toStaff(account.username(),
				new Queues(account.queues().stream().sorted().map(this::view).toList()));
	}

	private QueueView view(String queue) {
		return new QueueView(queue, this.reception.waitingIn(queue));
	}

}
