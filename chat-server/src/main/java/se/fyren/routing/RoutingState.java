package se.fyren.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.counsellor.CounsellorPresence;
import se.fyren.queue.QueueCatalog;
import se.fyren.queue.Reception;
import se.fyren.queue.Side;
import se.fyren.routing.RoutingPolicy.CounsellorEntry;
import se.fyren.routing.RoutingPolicy.WaitingEntry;
import se.fyren.staff.StaffDirectory;
import se.fyren.staff.StaffProperties.Account;

/**
 * Reads everything routing decides on from the shared stores, so that any
 * node decides on the same picture.
 */
@Component
class RoutingState {

	private final QueueCatalog catalog;

	private final Reception reception;

	private final ChatStore chats;

	private final StaffDirectory staff;

	private final CounsellorPresence presence;

	private final CounsellorAvailability availability;

	private final Connections connections;

	private final Offers offers;

	private final ChatCapacity capacity;

	RoutingState(QueueCatalog catalog, Reception reception, ChatStore chats, StaffDirectory staff,
			CounsellorPresence presence, CounsellorAvailability availability, Connections connections, Offers offers,
			ChatCapacity capacity) {
		this.catalog = catalog;
		this.reception = reception;
		this.chats = chats;
		this.staff = staff;
		this.presence = presence;
		this.availability = availability;
		this.connections = connections;
		this.offers = offers;
		this.capacity = capacity;
	}

	Snapshot snapshot(Instant now) {
		Map<String, PendingOffer> open = this.offers.all()
			.stream()
			.collect(Collectors.toMap(PendingOffer::chatId, Function.identity(), (a, b) -> a));
		Map<String, Chat> waitingChats = new LinkedHashMap<>();
		List<WaitingEntry> waiting = new ArrayList<>();
		for (String queue : this.catalog.ids()) {
			List<Chat> line = this.reception.waitingChats(queue);
			for (int place = 0; place < line.size(); place++) {
				Chat chat = line.get(place);
				waitingChats.put(chat.id(), chat);
				PendingOffer offer = open.get(chat.id());
				waiting.add(new WaitingEntry(chat.id(), chat.queue(), chat.urgent(), chat.joinedAt(), chat.language(),
						chat.ageBand(), (offer != null) ? offer.username() : null, this.offers.declinedBy(chat.id()),
						place));
			}
		}
		Set<String> pausedByThemselves = this.availability.paused();
		List<CounsellorEntry> counsellors = this.staff.all()
			.stream()
			.filter(Account::isCounsellor)
			.map((account) -> counsellor(account, open, pausedByThemselves, now))
			.toList();
		return new Snapshot(this.catalog.sides(), waitingChats, waiting, counsellors, open);
	}

	private CounsellorEntry counsellor(Account account, Map<String, PendingOffer> open, Set<String> pausedByThemselves,
			Instant now) {
		String username = account.username();
		boolean onDuty = this.presence.isOnDuty(username);
		long offered = open.values().stream().filter((offer) -> offer.username().equals(username)).count();
		// Places reserved but not yet offered or handed over count too: they are about to be.
		int load = Math.max(this.chats.activeOf(username).size() + (int) offered,
				this.capacity.held(username).size());
		boolean connected = this.connections.disconnectedSince(username).isEmpty();
		boolean paused = pausedByThemselves.contains(username)
				|| this.availability.pausedUntil(username).filter(now::isBefore).isPresent();
		return new CounsellorEntry(username, account.queues(), account.languages(), account.ageBands(),
				account.maxChats(), load, this.availability.lastChatAt(username), onDuty, onDuty && connected && !paused);
	}

	/**
	 * What routing sees at one moment.
	 *
	 * @param sides each queue's side
	 * @param chats the waiting chats by id
	 * @param waiting the waiting chats as routing entries
	 * @param counsellors every counsellor
	 * @param offers open offers by chat id
	 */
	record Snapshot(Map<String, Side> sides, Map<String, Chat> chats, List<WaitingEntry> waiting,
			List<CounsellorEntry> counsellors, Map<String, PendingOffer> offers) {
	}

}
