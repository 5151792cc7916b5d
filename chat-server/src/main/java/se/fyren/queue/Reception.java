package se.fyren.queue;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.conversation.Conversations;
import se.fyren.conversation.Party;
import se.fyren.queue.QueueEvents.ChatAbandoned;
import se.fyren.queue.QueueEvents.ChatJoined;
import se.fyren.queue.QueueEvents.ChatTaken;
import se.fyren.queue.QueueEvents.Left;
import se.fyren.queue.QueueEvents.QueueChanged;
import se.fyren.system.ErrorCode;
import se.fyren.system.FyrenException;
import se.fyren.system.RandomIds;
import se.fyren.transport.Delivery;

/**
 * The way into and out of a queue. Who gets a waiting chat is routing's
 * business; it learns of every change through {@link QueueChanged}.
 */
@Component
public class Reception {

	private static final Logger logger = LoggerFactory.getLogger(Reception.class);

	private final QueueCatalog catalog;

	private final WaitingQueue waiting;

	private final ChatStore chats;

	private final Conversations conversations;

	private final Delivery delivery;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Reception(QueueCatalog catalog, WaitingQueue waiting, ChatStore chats, Conversations conversations,
			Delivery delivery, ApplicationEventPublisher events, Clock clock) {
		this.catalog = catalog;
		this.waiting = waiting;
		this.chats = chats;
		this.conversations = conversations;
		this.delivery = delivery;
		this.events = events;
		this.clock = clock;
	}

	/** Checks a join's answers without joining: UNKNOWN_QUEUE, INVALID_PAYLOAD or ALREADY_JOINED. */
	public void checkJoin(String visitorId, String queue, String ageBand, String language) {
		requireQueue(queue);
		if (!this.catalog.acceptsAgeBand(ageBand) || !this.catalog.acceptsLanguage(language)) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "Unknown age band or language");
		}
		if (this.chats.latestOfVisitor(visitorId).filter(Chat::isOpen).isPresent()) {
			throw new FyrenException(ErrorCode.ALREADY_JOINED, "Already queued or chatting");
		}
	}

	/** Puts the visitor in a queue with their optional pre-chat answers; urgent chats go first. */
	public Chat join(String visitorId, String queue, String ageBand, String language, boolean urgent) {
		checkJoin(visitorId, queue, ageBand, language);
		Chat chat = Chat.waiting(RandomIds.of(16), visitorId, queue, ageBand, language, urgent, this.clock.instant());
		if (!this.chats.create(chat)) {
			// The same visitor joined at the same moment, through this node or another.
			throw new FyrenException(ErrorCode.ALREADY_JOINED, "Already queued or chatting");
		}
		this.waiting.add(queue, chat.id());
		logger.info("Chat {} joined queue {}{}", chat.id(), queue, urgent ? " (urgent)" : "");
		this.events.publishEvent(new ChatJoined(chat.id(), queue, chat.joinedAt()));
		queueChanged(queue);
		return chat;
	}

	/** Puts the visitor in a queue, not urgent. */
	public Chat join(String visitorId, String queue, String ageBand, String language) {
		return join(visitorId, queue, ageBand, language, false);
	}

	/**
	 * Makes a waiting chat the counsellor's: takes it out of its queue and
	 * marks it active, atomically against other takers on any node. Tells
	 * nobody; empty when someone else got it or the visitor left. Who may take
	 * which chat is routing's decision, made before this is called.
	 */
	public Optional<Chat> claim(Chat chat, String counsellor, String displayName) {
		if (!this.waiting.remove(chat.queue(), chat.id())) {
			return Optional.empty();
		}
		Optional<Chat> taken = this.chats
			.update(chat.id(),
					(current) -> (current.status() == Chat.Status.WAITING)
							? current.assignedTo(counsellor, displayName, this.clock.instant()) : current)
			.filter((current) -> current.status() == Chat.Status.ACTIVE && counsellor.equals(current.counsellor()));
		if (taken.isEmpty()) {
			queueChanged(chat.queue());
		}
		else {
			this.events.publishEvent(
					new ChatTaken(chat.id(), chat.queue(), taken.get().joinedAt(), taken.get().startedAt()));
		}
		return taken;
	}

	/** Takes the visitor out of the queue, or ends their chat if it has started. */
	public void leave(String visitorId) {
		Chat current = this.chats.latestOfVisitor(visitorId)
			.filter(Chat::isOpen)
			.orElseThrow(() -> new FyrenException(ErrorCode.NOT_IN_CHAT, "Not queued or chatting"));
		if (!leaveQueue(current, Party.VISITOR)) {
			// A counsellor took the chat meanwhile: leaving now ends it.
			this.conversations.end(current.id(), Party.VISITOR);
		}
	}

	/**
	 * Ends a chat that is still waiting and takes it out of its queue; false
	 * when it is no longer waiting.
	 */
	public boolean leaveQueue(Chat current, Party by) {
		Optional<Chat> left = this.chats
			.update(current.id(),
					(chat) -> (chat.status() == Chat.Status.WAITING) ? chat.endedBy(by, this.clock.instant()) : chat)
			.filter((chat) -> chat.status() == Chat.Status.ENDED && chat.endedBy() == by);
		if (left.isEmpty()) {
			return false;
		}
		this.waiting.remove(left.get().queue(), current.id());
		this.delivery.toVisitor(current.visitorId(), new Left());
		logger.info("Chat {} left queue {}", current.id(), left.get().queue());
		this.events.publishEvent(
				new ChatAbandoned(current.id(), left.get().queue(), current.joinedAt(), left.get().endedAt()));
		queueChanged(left.get().queue());
		return true;
	}

	/** Who waits in the queue, in arrival order. */
	public List<WaitingChat> waitingIn(String queue) {
		return waitingChats(queue).stream().map(WaitingChat::of).toList();
	}

	/** The waiting chats of the queue as stored, in arrival order. */
	public List<Chat> waitingChats(String queue) {
		return this.chats.findAll(this.waiting.waiting(queue))
			.stream()
			.filter((chat) -> chat.status() == Chat.Status.WAITING)
			.toList();
	}

	private void requireQueue(String queue) {
		if (!this.catalog.exists(queue)) {
			throw new FyrenException(ErrorCode.UNKNOWN_QUEUE, "No such queue");
		}
	}

	/** Tells everyone interested that who waits in the queue has changed. */
	public void queueChanged(String queue) {
		this.events.publishEvent(new QueueChanged(queue));
	}

}
