package se.fyren.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.staff.StaffDirectory;
import se.fyren.staff.StaffProperties.Account;

/**
 * Gives back counsellors' places that nothing backs any more: neither an open
 * offer to them nor an active chat of theirs. That only happens when a node
 * dies between reserving a place and offering or handing over the chat; left
 * alone, such a place would be lost to the counsellor for a day.
 */
@Component
class CapacityReconciliation {

	/** Far longer than reserving and then offering or claiming takes. */
	static final Duration GRACE = Duration.ofMinutes(1);

	private final ChatCapacity capacity;

	private final Offers offers;

	private final ChatStore chats;

	private final StaffDirectory staff;

	CapacityReconciliation(ChatCapacity capacity, Offers offers, ChatStore chats, StaffDirectory staff) {
		this.capacity = capacity;
		this.offers = offers;
		this.chats = chats;
		this.staff = staff;
	}

	void releaseUnbacked(Instant now) {
		Instant cutoff = now.minus(GRACE);
		for (Account account : this.staff.all()) {
			if (!account.isCounsellor()) {
				continue;
			}
			String username = account.username();
			Map<String, Instant> held = this.capacity.held(username);
			if (held.values().stream().noneMatch((at) -> at.isBefore(cutoff))) {
				continue;
			}
			Set<String> backed = new HashSet<>();
			this.offers.all()
				.stream()
				.filter((offer) -> offer.username().equals(username))
				.forEach((offer) -> backed.add(offer.chatId()));
			this.chats.activeOf(username).stream().map(Chat::id).forEach(backed::add);
			held.forEach((chatId, at) -> {
				if (!backed.contains(chatId) && at.isBefore(cutoff)) {
					this.capacity.releaseIfReservedBefore(username, chatId, cutoff);
				}
			});
		}
	}

}
