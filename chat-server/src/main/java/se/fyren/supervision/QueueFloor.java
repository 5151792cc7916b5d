package se.fyren.supervision;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.counsellor.CounsellorPresence;
import se.fyren.queue.QueueCatalog;
import se.fyren.queue.QueueProperties;
import se.fyren.routing.CounsellorAvailability;
import se.fyren.staff.StaffDirectory;
import se.fyren.staff.StaffProperties.Account;

/**
 * Who is working right now, per queue: counsellors on duty, how many of them
 * are in a chat or paused, and the chats under way.
 */
@Component
class QueueFloor {

	private final QueueCatalog catalog;

	private final StaffDirectory staff;

	private final CounsellorPresence presence;

	private final ChatStore chats;

	private final CounsellorAvailability availability;

	QueueFloor(QueueCatalog catalog, StaffDirectory staff, CounsellorPresence presence, ChatStore chats,
			CounsellorAvailability availability) {
		this.availability = availability;
		this.catalog = catalog;
		this.staff = staff;
		this.presence = presence;
		this.chats = chats;
	}

	/** The configured queue ids, in catalogue order. */
	List<String> queues() {
		return this.catalog.definitions().stream().map(QueueProperties.Definition::id).toList();
	}

	/** Staffing and active chats for every configured queue. */
	Map<String, Staffing> staffing() {
		Set<String> onDuty = this.presence.onDuty();
		Set<String> paused = this.availability.paused();
		Map<String, List<Chat>> activeByCounsellor = new HashMap<>();
		for (Account account : this.staff.all()) {
			List<Chat> active = this.chats.activeOf(account.username());
			if (!active.isEmpty()) {
				activeByCounsellor.put(account.username(), active);
			}
		}
		Map<String, Staffing> staffing = new LinkedHashMap<>();
		for (String queue : queues()) {
			int serving = 0;
			int busy = 0;
			int pausing = 0;
			for (Account account : this.staff.all()) {
				if (account.queues().contains(queue) && onDuty.contains(account.username())) {
					serving++;
					if (activeByCounsellor.containsKey(account.username())) {
						busy++;
					}
					if (paused.contains(account.username())) {
						pausing++;
					}
				}
			}
			int activeChats = (int) activeByCounsellor.values()
				.stream()
				.flatMap(List::stream)
				.filter((chat) -> queue.equals(chat.queue()))
				.count();
			staffing.put(queue, new Staffing(serving, busy, pausing, activeChats));
		}
		return staffing;
	}

	/** Every chat under way, oldest first. */
	List<Chat> activeChats() {
		return this.staff.all()
			.stream()
			.flatMap((account) -> this.chats.activeOf(account.username()).stream())
			.sorted(java.util.Comparator.comparing(Chat::startedAt))
			.toList();
	}

	/**
	 * Staffing of one queue.
	 *
	 * @param onDuty counsellors serving the queue who are on duty
	 * @param busy of those, how many are in at least one chat (of any queue)
	 * @param paused of those, how many have paused (they may be busy too)
	 * @param activeChats chats of this queue under way
	 */
	record Staffing(int onDuty, int busy, int paused, int activeChats) {
	}

}
