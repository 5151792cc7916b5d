package se.fyren.counsellor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.fyren.counsellor.CounsellorActivity.DutySet;
import se.fyren.counsellor.CounsellorEvents.QueueView;
import se.fyren.counsellor.CounsellorEvents.Queues;
import se.fyren.queue.QueueEvents.QueueChanged;
import se.fyren.queue.QueueEvents.WaitingReason;
import se.fyren.queue.Reception;
import se.fyren.queue.WaitingChat;
import se.fyren.queue.WaitingReasons;
import se.fyren.staff.StaffDirectory;
import se.fyren.staff.StaffProperties.Account;
import se.fyren.transport.Delivery;

/**
 * Keeps on-duty counsellors' queue overviews current, with why a chat waits
 * when nobody suitable on duty could be offered it.
 */
@Component
class QueueOverview {

	private final Reception reception;

	private final CounsellorPresence presence;

	private final StaffDirectory staff;

	private final Delivery delivery;

	private final WaitingReasons reasons;

	QueueOverview(Reception reception, CounsellorPresence presence, StaffDirectory staff, Delivery delivery,
			WaitingReasons reasons) {
		this.reasons = reasons;
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

	/**
	 * Who is on duty decides why chats wait (nobody speaks their language,
	 * say), so the queues the counsellor serves are sent again.
	 */
	@EventListener
	void on(DutySet duty) {
		Set<String> changed = this.staff.find(duty.username()).map(Account::queues).orElse(Set.of());
		Map<String, QueueView> views = new HashMap<>();
		for (String username : this.presence.onDuty()) {
			if (username.equals(duty.username())) {
				// They have just been sent all their queues.
				continue;
			}
			this.staff.find(username).ifPresent((account) -> {
				List<QueueView> shared = account.queues()
					.stream()
					.filter(changed::contains)
					.sorted()
					.map((queue) -> views.computeIfAbsent(queue, this::view))
					.toList();
				if (!shared.isEmpty()) {
					this.delivery.toStaff(username, new Queues(shared));
				}
			});
		}
	}

	/** Sends the counsellor every queue they serve. */
	void sendAll(Account account) {
		this.delivery.toStaff(account.username(),
				new Queues(account.queues().stream().sorted().map(this::view).toList()));
	}

	private QueueView view(String queue) {
		List<WaitingChat> waiting = this.reception.waitingIn(queue);
		// Whoever gets this serves the queue and is on duty: only a language or age band can go unserved.
		if (waiting.stream().noneMatch((chat) -> chat.language() != null || chat.ageBand() != null)) {
			return new QueueView(queue, waiting);
		}
		Map<String, WaitingReason> why = this.reasons.of(queue);
		return new QueueView(queue, waiting.stream().map((chat) -> chat.because(why.get(chat.chatId()))).toList());
	}

}
