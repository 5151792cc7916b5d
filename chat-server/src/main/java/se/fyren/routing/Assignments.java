package se.fyren.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatEvents.ChatAssigned;
import se.fyren.conversation.ChatEvents.ChatStarted;
import se.fyren.conversation.ChatStore;
import se.fyren.conversation.Conversations;
import se.fyren.conversation.Party;
import se.fyren.counsellor.CounsellorPresence;
import se.fyren.queue.QueueCatalog;
import se.fyren.queue.Reception;
import se.fyren.queue.Separation;
import se.fyren.queue.WaitingQueue;
import se.fyren.routing.RoutingEvents.OfferWithdrawn;
import se.fyren.routing.RoutingEvents.Transferred;
import se.fyren.routing.RoutingEvents.WithdrawnBecause;
import se.fyren.staff.StaffDirectory;
import se.fyren.staff.StaffProperties.Account;
import se.fyren.system.ErrorCode;
import se.fyren.system.FyrenException;
import se.fyren.transport.Delivery;

/**
 * Who holds a chat: accepting and declining offers, picking by hand,
 * transferring, and giving a dropped counsellor's chats back to the queue.
 * Every move asks {@link Separation}.
 */
@Component
class Assignments {

	private static final Logger logger = LoggerFactory.getLogger(Assignments.class);

	private static final int MAX_NOTE_LENGTH = 2000;

	private final QueueCatalog catalog;

	private final Reception reception;

	private final WaitingQueue waiting;

	private final ChatStore chats;

	private final Conversations conversations;

	private final StaffDirectory staff;

	private final CounsellorPresence presence;

	private final Offers offers;

	private final ChatCapacity capacity;

	private final CounsellorAvailability availability;

	private final VisitorActivity activity;

	private final Delivery delivery;

	private final Clock clock;

	Assignments(QueueCatalog catalog, Reception reception, WaitingQueue waiting, ChatStore chats,
			Conversations conversations, StaffDirectory staff, CounsellorPresence presence, Offers offers,
			ChatCapacity capacity, CounsellorAvailability availability, VisitorActivity activity, Delivery delivery,
			Clock clock) {
		this.capacity = capacity;
		this.catalog = catalog;
		this.reception = reception;
		this.waiting = waiting;
		this.chats = chats;
		this.conversations = conversations;
		this.staff = staff;
		this.presence = presence;
		this.offers = offers;
		this.availability = availability;
		this.activity = activity;
		this.delivery = delivery;
		this.clock = clock;
	}

	/** The counsellor accepts a chat offered to them. */
	Chat accept(Account me, String chatId) {
		requireOfMyGroups(me, chatId);
		PendingOffer offer = this.offers.find(chatId)
			.filter((open) -> open.username().equals(me.username()))
			.orElseThrow(() -> new FyrenException(ErrorCode.OFFER_GONE, "That offer is no longer open"));
		// The accept holds the place while the offer, which held it so far, turns into the chat.
		if (!this.capacity.reserve(me.username(), chatId, me.maxChats(), this.clock.instant())) {
			throw atCapacity();
		}
		boolean withdrawn = this.offers.withdraw(chatId, me.username());
		this.capacity.release(me.username(), chatId);
		if (!withdrawn) {
			throw new FyrenException(ErrorCode.OFFER_GONE, "That offer is no longer open");
		}
		Chat chat = this.chats.find(chatId)
			.filter((found) -> found.status() == Chat.Status.WAITING && found.queue().equals(offer.queue()))
			.orElse(null);
		Optional<Chat> taken = (chat != null) ? claim(me, chat) : Optional.empty();
		if (taken.isEmpty()) {
			this.capacity.release(me.username(), chatId);
			throw new FyrenException(ErrorCode.OFFER_GONE, "The visitor has left");
		}
		return taken.get();
	}

	/** The counsellor declines an offer; it goes to the next counsellor. */
	void decline(Account me, String chatId) {
		requireOfMyGroups(me, chatId);
		if (!this.offers.withdraw(chatId, me.username())) {
			throw new FyrenException(ErrorCode.OFFER_GONE, "That offer is no longer open");
		}
		this.capacity.release(me.username(), chatId);
		this.offers.declined(chatId, me.username());
		this.delivery.toStaff(me.username(), new OfferWithdrawn(chatId, WithdrawnBecause.DECLINED));
		this.chats.find(chatId).ifPresent((chat) -> this.reception.queueChanged(chat.queue()));
	}

	/**
	 * The counsellor picks a chat by hand: the named one, or else the first in
	 * routing order that is not offered to a colleague. Within their maximum
	 * like every other way to a chat; their own open offers of other chats
	 * make room, as picking by hand is choosing instead of them. A pick that
	 * fails leaves those offers as they were.
	 */
	Chat take(Account me, String queue, String chatId) {
		if (chatId != null) {
			requireOfMyGroups(me, chatId);
		}
		requireOnDuty(me);
		if (queue == null || !this.catalog.exists(queue)) {
			throw new FyrenException(ErrorCode.UNKNOWN_QUEUE, "No such queue");
		}
		requireMayServe(me, queue);
		if (chatId != null) {
			Chat chat = this.chats.find(chatId)
				.filter((found) -> found.status() == Chat.Status.WAITING && found.queue().equals(queue))
				.orElseThrow(() -> new FyrenException(ErrorCode.NOT_WAITING, "That chat is not waiting in the queue"));
			List<PendingOffer> madeRoom = reserveByHand(me, chat.id());
			withdrawOffer(chat.id());
			return claimByHand(me, chat, madeRoom)
				.orElseThrow(() -> new FyrenException(ErrorCode.NOT_WAITING, "That chat is not waiting in the queue"));
		}
		// A stable sort of the line: ties keep their order in it.
		Comparator<Chat> order = Comparator.comparing(Chat::urgent).reversed().thenComparing(Chat::joinedAt);
		for (Chat chat : this.reception.waitingChats(queue).stream().sorted(order).toList()) {
			Optional<PendingOffer> offer = this.offers.find(chat.id());
			if (offer.isPresent() && !offer.get().username().equals(me.username())) {
				continue;
			}
			List<PendingOffer> madeRoom = reserveByHand(me, chat.id());
			if (offer.isPresent() && this.offers.withdraw(chat.id(), me.username())) {
				this.capacity.release(me.username(), chat.id());
			}
			Optional<Chat> taken = claimByHand(me, chat, madeRoom);
			if (taken.isPresent()) {
				return taken.get();
			}
		}
		throw new FyrenException(ErrorCode.QUEUE_EMPTY, "Nobody is waiting");
	}

	/**
	 * Reserves a place of the counsellor's for a chat they pick by hand,
	 * withdrawing their open offers of other chats if those fill their places.
	 * Nobody is told of those withdrawals yet: the pick may still fail, and
	 * then the offers go back as they were.
	 * @return the offers withdrawn to make room
	 */
	private List<PendingOffer> reserveByHand(Account me, String chatId) {
		String username = me.username();
		if (this.capacity.reserve(username, chatId, me.maxChats(), this.clock.instant())) {
			return List.of();
		}
		List<PendingOffer> madeRoom = new ArrayList<>();
		for (PendingOffer offer : this.offers.all()) {
			if (offer.username().equals(username) && !offer.chatId().equals(chatId)
					&& this.offers.withdraw(offer.chatId(), username)) {
				this.capacity.release(username, offer.chatId());
				madeRoom.add(offer);
				if (this.capacity.reserve(username, chatId, me.maxChats(), this.clock.instant())) {
					return madeRoom;
				}
			}
		}
		giveBack(me, madeRoom);
		throw atCapacity();
	}

	/**
	 * Claims a chat picked by hand, for which the counsellor holds a place.
	 * If someone else got it, the place and the offers withdrawn to make room
	 * go back; if not, the counsellor learns those offers are gone.
	 */
	private Optional<Chat> claimByHand(Account me, Chat chat, List<PendingOffer> madeRoom) {
		Optional<Chat> taken = claim(me, chat);
		if (taken.isEmpty()) {
			this.capacity.release(me.username(), chat.id());
			giveBack(me, madeRoom);
		}
		else {
			madeRoom.forEach((offer) -> this.delivery.toStaff(me.username(),
					new OfferWithdrawn(offer.chatId(), WithdrawnBecause.UNAVAILABLE)));
		}
		return taken;
	}

	/**
	 * Puts back offers withdrawn for a pick that failed, each with its place
	 * reserved first as when it was made, so the maximum holds meanwhile. An
	 * offer whose place or chat went to someone else in between is gone: the
	 * counsellor is told, and routing looks at its chat again.
	 */
	private void giveBack(Account me, List<PendingOffer> withdrawn) {
		String username = me.username();
		Set<String> queuesToRoute = new LinkedHashSet<>();
		for (PendingOffer offer : withdrawn) {
			if (this.capacity.reserve(username, offer.chatId(), me.maxChats(), this.clock.instant())) {
				if (this.offers.place(offer)) {
					continue;
				}
				this.capacity.release(username, offer.chatId());
				if (this.offers.find(offer.chatId()).filter((again) -> again.username().equals(username)).isPresent()) {
					// Routing offered it to them afresh meanwhile.
					continue;
				}
			}
			this.delivery.toStaff(username, new OfferWithdrawn(offer.chatId(), WithdrawnBecause.UNAVAILABLE));
			queuesToRoute.add(offer.queue());
		}
		queuesToRoute.forEach(this.reception::queueChanged);
	}

	/**
	 * Hands an active chat to a colleague, who gets it with the note and the
	 * history; the visitor is told.
	 */
	void transferToColleague(Account me, String chatId, String colleagueName, String note) {
		Chat chat = this.conversations.chatOfCounsellor(me.username(), chatId);
		Account colleague = this.staff.find(colleagueName)
			.filter(Account::isCounsellor)
			.filter((found) -> !found.username().equals(me.username()))
			.orElseThrow(() -> new FyrenException(ErrorCode.COLLEAGUE_UNAVAILABLE, "No such colleague"));
		if (!Separation.mayServe(this.catalog.sides(), colleague.queues(), chat.queue())) {
			throw new FyrenException(ErrorCode.NOT_QUALIFIED, "That colleague does not serve this chat's group");
		}
		if (!this.presence.isOnDuty(colleague.username())) {
			throw new FyrenException(ErrorCode.COLLEAGUE_UNAVAILABLE, "That colleague is not on duty");
		}
		if (this.availability.paused().contains(colleague.username())) {
			throw new FyrenException(ErrorCode.COLLEAGUE_UNAVAILABLE, "That colleague has paused");
		}
		String cleanNote = clean(note);
		Instant now = this.clock.instant();
		if (!this.capacity.reserve(colleague.username(), chatId, colleague.maxChats(), now)) {
			throw new FyrenException(ErrorCode.AT_CAPACITY, "That colleague has as many chats as they may hold");
		}
		Chat moved = this.chats
			.update(chatId,
					(current) -> (current.status() == Chat.Status.ACTIVE && me.username().equals(current.counsellor()))
							? current.transferredTo(colleague.username(), colleague.displayName(), cleanNote, now)
							: current)
			.filter((current) -> colleague.username().equals(current.counsellor()))
			.orElse(null);
		if (moved == null) {
			this.capacity.release(colleague.username(), chatId);
			throw new FyrenException(ErrorCode.CHAT_ENDED, "The chat has ended");
		}
		this.capacity.release(me.username(), chatId);
		logger.info("Chat {} transferred to a colleague", chatId);
		this.availability.chatStarted(colleague.username(), now);
		Transferred told = new Transferred(chatId, colleague.displayName());
		this.delivery.toStaff(me.username(), told);
		this.delivery.toVisitor(moved.visitorId(), told);
		this.delivery.toStaff(colleague.username(), ChatAssigned.of(moved));
		this.conversations.replay(moved, Party.COUNSELLOR, 0);
		this.reception.queueChanged(moved.queue());
	}

	/** Sends an active chat back to a queue of the same side, keeping its place in line. */
	void transferToQueue(Account me, String chatId, String queue, String note) {
		Chat chat = this.conversations.chatOfCounsellor(me.username(), chatId);
		if (!this.catalog.exists(queue)) {
			throw new FyrenException(ErrorCode.UNKNOWN_QUEUE, "No such queue");
		}
		if (!Separation.mayMove(this.catalog.sides(), chat.queue(), queue)) {
			throw new FyrenException(ErrorCode.SEPARATED_GROUPS, "A chat never moves to a queue of another group");
		}
		requeue(chat, queue, clean(note), me.username(), true);
	}

	/** Hands an active chat of the counsellor's to a colleague or back to a queue: exactly one of the two. */
	void transfer(Account me, String chatId, String toCounsellor, String toQueue, String note) {
		// Only the chat's own counsellor may move it; that is checked before the payload's shape.
		this.conversations.chatOfCounsellor(me.username(), chatId);
		if ((toCounsellor == null) == (toQueue == null)) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "Name either toCounsellor or toQueue");
		}
		if (toCounsellor != null) {
			transferToColleague(me, chatId, toCounsellor, note);
		}
		else {
			transferToQueue(me, chatId, toQueue, note);
		}
	}

	/**
	 * A chat outside the counsellor's groups is none of theirs, whatever its
	 * state: they learn nothing about it beyond that.
	 */
	private void requireOfMyGroups(Account me, String chatId) {
		boolean foreign = this.chats.find(chatId)
			.map((chat) -> !Separation.mayServe(this.catalog.sides(), me.queues(), chat.queue()))
			.orElse(false);
		if (foreign) {
			throw new FyrenException(ErrorCode.NOT_A_PARTICIPANT, "Not a chat of your groups");
		}
	}

	/** Gives the chats of a counsellor who dropped back to their queues, at the front. */
	void requeueAllOf(String username) {
		for (Chat chat : this.chats.activeOf(username)) {
			requeue(chat, chat.queue(), null, username, false);
		}
	}

	/**
	 * Puts an active chat back in a queue. A counsellor who sends a chat back
	 * is not offered it again automatically.
	 */
	private void requeue(Chat chat, String queue, String note, String from, boolean notBackToSender) {
		// Only the call that moved it goes on: a chat already waiting was sent back
		// by someone else (a drop and a transfer at once, or two nodes reaping), and
		// releasing the counsellor's place twice would free a place still held.
		boolean[] movedNow = { false };
		Optional<Chat> moved = this.chats.update(chat.id(), (current) -> {
			// A store may apply the change more than once (optimistic retry): the last run decides.
			movedNow[0] = current.status() == Chat.Status.ACTIVE && from.equals(current.counsellor());
			return movedNow[0] ? current.requeued(queue, note) : current;
		}).filter((current) -> movedNow[0]);
		if (moved.isEmpty()) {
			return;
		}
		logger.info("Chat {} back in queue {}", chat.id(), queue);
		this.capacity.release(from, chat.id());
		this.waiting.add(queue, chat.id());
		Transferred told = new Transferred(chat.id(), null);
		this.delivery.toStaff(from, told);
		this.delivery.toVisitor(chat.visitorId(), told);
		this.offers.forget(chat.id());
		if (notBackToSender) {
			this.offers.declined(chat.id(), from);
		}
		this.reception.queueChanged(queue);
	}

	private Optional<Chat> claim(Account me, Chat chat) {
		Optional<Chat> taken = this.reception.claim(chat, me.username(), me.displayName());
		if (taken.isEmpty()) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Chat started = taken.get();
		logger.info("Chat {} taken from queue {}", started.id(), started.queue());
		this.offers.forget(started.id());
		this.availability.chatStarted(me.username(), now);
		this.activity.seen(started.id(), now);
		this.delivery.toStaff(me.username(), ChatAssigned.of(started));
		this.delivery.toVisitor(started.visitorId(), new ChatStarted(started.id(), me.displayName()));
		// Whatever the visitor wrote while waiting, or before a transfer.
		this.conversations.replay(started, Party.COUNSELLOR, 0);
		this.reception.queueChanged(started.queue());
		return taken;
	}

	/** Withdraws the chat's open offer, and the place it held. */
	private void withdrawOffer(String chatId) {
		this.offers.find(chatId).ifPresent((offer) -> {
			if (this.offers.withdraw(chatId, offer.username())) {
				this.capacity.release(offer.username(), chatId);
				this.delivery.toStaff(offer.username(), new OfferWithdrawn(chatId, WithdrawnBecause.TAKEN));
			}
		});
	}

	private static FyrenException atCapacity() {
		return new FyrenException(ErrorCode.AT_CAPACITY, "You already hold as many chats as you may");
	}

	private void requireOnDuty(Account me) {
		if (!this.presence.isOnDuty(me.username())) {
			throw new FyrenException(ErrorCode.NOT_ON_DUTY, "Go on duty first");
		}
	}

	private void requireMayServe(Account me, String queue) {
		if (!Separation.mayServe(this.catalog.sides(), me.queues(), queue)) {
			throw new FyrenException(ErrorCode.NOT_QUALIFIED, "You do not serve that queue");
		}
	}

	private static String clean(String note) {
		if (note == null || note.isBlank()) {
			return null;
		}
		String stripped = note.strip();
		if (stripped.codePointCount(0, stripped.length()) > MAX_NOTE_LENGTH) {
			throw new FyrenException(ErrorCode.MESSAGE_TOO_LONG, "A note is at most " + MAX_NOTE_LENGTH + " characters");
		}
		return stripped;
	}

}
