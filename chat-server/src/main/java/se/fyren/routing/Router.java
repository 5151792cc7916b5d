package se.fyren.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ConversationEvents.ChatClosed;
import se.fyren.counsellor.CounsellorActivity.DutySet;
import se.fyren.counsellor.CounsellorActivity.Synced;
import se.fyren.queue.QueueEvents.QueueChanged;
import se.fyren.routing.RoutingEvents.Offer;
import se.fyren.routing.RoutingEvents.OfferWithdrawn;
import se.fyren.routing.RoutingEvents.WithdrawnBecause;
import se.fyren.routing.RoutingPolicy.CounsellorEntry;
import se.fyren.routing.RoutingPolicy.Decision;
import se.fyren.routing.RoutingState.Snapshot;
import se.fyren.transport.Delivery;

/**
 * Offers waiting chats to counsellors automatically. Runs the pure
 * {@link RoutingPolicy} on a snapshot of the shared stores whenever something
 * that matters changes, and on a timer for offers that expire. Placing an
 * offer is atomic in {@link Offers}, so two nodes routing at once never offer
 * one chat twice.
 */
@Component
class Router {

	private static final Logger logger = LoggerFactory.getLogger(Router.class);

	private final RoutingState state;

	private final Offers offers;

	private final ChatCapacity capacity;

	private final CapacityReconciliation reconciliation;

	private final WaitInformation waitInformation;

	private final Delivery delivery;

	private final RoutingProperties properties;

	private final Clock clock;

	Router(RoutingState state, Offers offers, ChatCapacity capacity, CapacityReconciliation reconciliation,
			WaitInformation waitInformation, Delivery delivery, RoutingProperties properties, Clock clock) {
		this.state = state;
		this.offers = offers;
		this.capacity = capacity;
		this.reconciliation = reconciliation;
		this.waitInformation = waitInformation;
		this.delivery = delivery;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	void on(QueueChanged changed) {
		route();
	}

	@EventListener
	void on(DutySet duty) {
		if (!duty.onDuty()) {
			withdrawAllOf(duty.username(), WithdrawnBecause.UNAVAILABLE);
		}
		route();
	}

	@EventListener
	void on(ChatClosed closed) {
		route();
	}

	@EventListener
	void on(Synced synced) {
		List<PendingOffer> mine = this.offers.all()
			.stream()
			.filter((offer) -> offer.username().equals(synced.username()))
			.toList();
		Snapshot snapshot = this.state.snapshot(this.clock.instant());
		for (PendingOffer offer : mine) {
			Chat chat = snapshot.chats().get(offer.chatId());
			if (chat != null) {
				this.delivery.toStaff(offer.username(), Offer.of(chat, offer.expiresAt()));
			}
		}
	}

	/** Expires overdue offers, then routes again. */
	@Scheduled(fixedDelayString = "${fyren.routing.sweep-interval:2s}")
	void expireOffers() {
		Instant now = this.clock.instant();
		for (PendingOffer offer : this.offers.all()) {
			if (!offer.expiresAt().isAfter(now) && this.offers.withdraw(offer.chatId(), offer.username())) {
				this.capacity.release(offer.username(), offer.chatId());
				this.offers.declined(offer.chatId(), offer.username());
				logger.info("Offer of chat {} timed out", offer.chatId());
				this.delivery.toStaff(offer.username(), new OfferWithdrawn(offer.chatId(), WithdrawnBecause.TIMEOUT));
			}
		}
		this.reconciliation.releaseUnbacked(now);
		route();
	}

	/** Withdraws every open offer to the counsellor. */
	void withdrawAllOf(String username, WithdrawnBecause reason) {
		for (PendingOffer offer : this.offers.all()) {
			if (offer.username().equals(username) && this.offers.withdraw(offer.chatId(), username)) {
				this.capacity.release(username, offer.chatId());
				this.delivery.toStaff(username, new OfferWithdrawn(offer.chatId(), reason));
			}
		}
	}

	/**
	 * Makes the offers the policy decides on and tells visitors where they
	 * stand. Synchronized so that this node does not race itself; other nodes
	 * are kept out by the atomic {@link Offers#place}, and a counsellor's
	 * place is reserved in {@link ChatCapacity} before the offer, so two nodes
	 * never fill one counsellor past their maximum.
	 */
	synchronized void route() {
		Instant now = this.clock.instant();
		Snapshot snapshot = this.state.snapshot(now);
		if (dropStaleOffers(snapshot)) {
			snapshot = this.state.snapshot(now);
		}
		List<Decision> decisions = RoutingPolicy.decide(snapshot.sides(), snapshot.waiting(), snapshot.counsellors());
		Instant expiresAt = now.plus(this.properties.offerTimeout());
		Map<String, Integer> capacities = snapshot.counsellors()
			.stream()
			.collect(Collectors.toMap(CounsellorEntry::username, CounsellorEntry::capacity));
		boolean offered = false;
		for (Decision decision : decisions) {
			Chat chat = snapshot.chats().get(decision.chatId());
			String username = decision.username();
			if (!this.capacity.reserve(username, chat.id(), capacities.get(username), now)) {
				continue;
			}
			if (this.offers.place(new PendingOffer(chat.id(), username, chat.queue(), expiresAt))) {
				logger.info("Chat {} offered in queue {}", chat.id(), chat.queue());
				this.delivery.toStaff(username, Offer.of(chat, expiresAt));
				offered = true;
			}
			else {
				// Another node offered it first; that offer holds a place of its own.
				this.capacity.release(username, chat.id());
			}
		}
		this.waitInformation.publish(offered ? this.state.snapshot(now) : snapshot);
	}

	private boolean dropStaleOffers(Snapshot snapshot) {
		boolean dropped = false;
		for (PendingOffer offer : snapshot.offers().values()) {
			if (!snapshot.chats().containsKey(offer.chatId()) && this.offers.withdraw(offer.chatId(), offer.username())) {
				this.capacity.release(offer.username(), offer.chatId());
				this.delivery.toStaff(offer.username(), new OfferWithdrawn(offer.chatId(), WithdrawnBecause.TAKEN));
				dropped = true;
			}
		}
		return dropped;
	}

}
