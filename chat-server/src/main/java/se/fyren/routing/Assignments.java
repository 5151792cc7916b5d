package se.fyren.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

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

	private final CounsellorAvailability availability;

	private final VisitorActivity activity;

	private final Delivery delivery;

	private final Clock clock;

	Assignments(QueueCatalog catalog, Reception reception, WaitingQueue waiting, ChatStore chats,
			Conversations conversations, StaffDirectory staff, CounsellorPresence presence, Offers offers,
			CounsellorAvailability availability, VisitorActivity activity, Delivery delivery, Clock clock) {
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
		if (!this.offers.withdraw(chatId, me.username())) {
			throw new FyrenException(ErrorCode.OFFER_GONE, "That offer is no longer open");
		}
		Chat chat = this.chats.find(chatId)
			.filter((found) -> found.status() == Chat.Status.WAITING && found.queue().equals(offer.queue()))
			.orElseThrow(() -> new FyrenException(ErrorCode.OFFER_GONE, "The visitor has left"));
		return claim(me, chat).orElseThrow(() -> new FyrenException(ErrorCode.OFFER_GONE, "The visitor has left"));
	}

	/** The counsellor declines an offer; it goes to the next counsellor. */
	void decline(Account me, String chatId) {
		requireOfMyGroups(me, chatId);
		if (!this.offers.withdraw(chatId, me.username())) {
			throw new FyrenException(ErrorCode.OFFER_GONE, "That offer is no longer open");
		}
		this.offers.declined(chatId, me.username());
		this.delivery.toStaff(me.username(), new OfferWithdrawn(chatId, WithdrawnBecause.DECLINED));
		this.chats.find(chatId).ifPresent((chat) -> this.reception.queueChanged(chat.queue()));
	}

	/**
	 * The counsellor picks a chat by hand: the named one, or else the first in
	 * routing order that is not offered to a colleague. Not limited by their
	 * maximum, which bounds automatic offers only.
	 */
	Chat take(Account me, String queue, String chatId) {
		if (chatId != null) {
			requireOfMyGroups(me, chatId);
		}
		requireOnDuty(me);
		if (queue == null || !this.catalog.exists(queue)) {
			throw new FyrenException(ErrorCode.UNKNOWN_QUEUE, "No such queue");
		}
		// No capacity check: the maximum bounds automatic offers; picking by hand
		// beyond it is the counsellor's own judgement.
		requireMayServe(me, queue);
		if (chatId != null) {
			Chat chat = this.chats.find(chatId)
				.filter((found) -> found.status() == Chat.Status.WAITING && found.queue().equals(queue))
				.orElseThrow(() -> new FyrenException(ErrorCode.NOT_WAITING, "That chat is not waiting in the queue"));
			withdrawOffer(chat.id());
			return claim(me, chat)
				.orElseThrow(() -> new FyrenException(ErrorCode.NOT_WAITING, "That chat is not waiting in the queue"));
		}
		// A stable sort of the line: ties keep their order in it.
		Comparator<Chat> order = Comparator.comparing(Chat::urgent).reversed().thenComparing(Chat::joinedAt);
		for (Chat chat : this.reception.waitingChats(queue).stream().sorted(order).toList()) {
			Optional<PendingOffer> offer = this.offers.find(chat.id());
			if (offer.isPresent() && !offer.get().username().equals(me.username())) {
				continue;
			}
			offer.ifPresent((mine) -> this.offers.withdraw(chat.id(), me.username()));
			Optional<Chat> taken = claim(me, chat);
			if (taken.isPresent()) {
				return taken.get();
			}
		}
		throw new FyrenException(ErrorCode.QUEUE_EMPTY, "Nobody is waiting");
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
		if (this.chats.activeOf(colleague.username()).size() >= colleague.maxChats()) {
			throw new FyrenException(ErrorCode.AT_CAPACITY, "That colleague has as many chats as they may hold");
		}
		Instant now = this.clock.instant();
		Chat moved = this.chats
			.update(chatId,
					(current) -> (current.status() == Chat.Status.ACTIVE && me.username().equals(current.counsellor()))
							? current.transferredTo(colleague.username(), colleague.displayName(), clean(note), now)
							: current)
			.filter((current) -> colleague.username().equals(current.counsellor()))
			.orElseThrow(() -> new FyrenException(ErrorCode.CHAT_ENDED, "The chat has ended"));
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
		Optional<Chat> moved = this.chats
			.update(chat.id(),
					(current) -> (current.status() == Chat.Status.ACTIVE && from.equals(current.counsellor()))
							? current.requeued(queue, note) : current)
			.filter((current) -> current.status() == Chat.Status.WAITING);
		if (moved.isEmpty()) {
			return;
		}
		logger.info("Chat {} back in queue {}", chat.id(), queue);
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

	private void withdrawOffer(String chatId) {
		this.offers.find(chatId).ifPresent((offer) -> {
			if (this.offers.withdraw(chatId, offer.username())) {
				this.delivery.toStaff(offer.username(), new OfferWithdrawn(chatId, WithdrawnBecause.TAKEN));
			}
		});
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
