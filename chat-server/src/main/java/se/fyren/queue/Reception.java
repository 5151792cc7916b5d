package se.fyren.queue;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatEvents.ChatAssigned;
import se.fyren.conversation.ChatEvents.ChatStarted;
import se.fyren.conversation.ChatStore;
import se.fyren.conversation.Conversations;
import se.fyren.conversation.Party;
import se.fyren.queue.QueueEvents.ChatAbandoned;
import se.fyren.queue.QueueEvents.ChatJoined;
import se.fyren.queue.QueueEvents.ChatTaken;
import se.fyren.queue.QueueEvents.Left;
import se.fyren.queue.QueueEvents.Position;
import se.fyren.queue.QueueEvents.QueueChanged;
import se.fyren.system.ErrorCode;
import se.fyren.system.FyrenException;
import se.fyren.system.RandomIds;
import se.fyren.transport.Delivery;

/**
 * The way into a chat: visitors join and leave queues, counsellors take the
 * longest-waiting chat. Queued visitors are told their place whenever it
 * changes; counsellors learn of changes through {@link QueueChanged}.
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

	/** Puts the visitor in a queue with their optional pre-chat answers. */
	public Chat join(String visitorId, String queue, String ageBand, String language) {
		requireQueue(queue);
		if (!this.catalog.acceptsAgeBand(ageBand) || !this.catalog.acceptsLanguage(language)) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "Unknown age band or language");
		}
		if (this.chats.latestOfVisitor(visitorId).filter(Chat::isOpen).isPresent()) {
			throw new FyrenException(ErrorCode.ALREADY_JOINED, "Already queued or chatting");
		}
		Chat chat = Chat.waiting(RandomIds.of(16), visitorId, queue, ageBand, language, this.clock.instant());
		this.chats.create(chat);
		this.waiting.add(queue, chat.id());
		logger.info("Chat {} joined queue {}", chat.id(), queue);
		this.events.publishEvent(new ChatJoined(chat.id(), queue, chat.joinedAt()));
		queueChanged(queue);
		return chat;
	}

	/** Takes the visitor out of the queue, or ends their chat if it has started. */
	public void leave(String visitorId) {
		Chat current = this.chats.latestOfVisitor(visitorId)
			.filter(Chat::isOpen)
			.orElseThrow(() -> new FyrenException(ErrorCode.NOT_IN_CHAT, "Not queued or chatting"));
		Optional<Chat> left = this.chats
			.update(current.id(),
					(chat) -> (chat.status() == Chat.Status.WAITING) ? chat.endedBy(Party.VISITOR, this.clock.instant())
							: chat)
			.filter((chat) -> chat.status() == Chat.Status.ENDED);
		if (left.isPresent()) {
			this.waiting.remove(current.queue(), current.id());
			this.delivery.toVisitor(visitorId, new Left());
			logger.info("Chat {} left queue {}", current.id(), current.queue());
			this.events.publishEvent(
					new ChatAbandoned(current.id(), current.queue(), current.joinedAt(), left.get().endedAt()));
			queueChanged(current.queue());
		}
		else {
			// A counsellor took the chat meanwhile: leaving now ends it.
			this.conversations.end(current.id(), Party.VISITOR);
		}
	}

	/**
	 * Assigns the longest-waiting chat of the queue to the counsellor and tells
	 * both sides. A chat whose visitor left meanwhile is skipped.
	 */
	public Chat takeNext(String counsellor, String displayName, String queue) {
		requireQueue(queue);
		while (true) {
			String chatId = this.waiting.pollFirst(queue)
				.orElseThrow(() -> new FyrenException(ErrorCode.QUEUE_EMPTY, "Nobody is waiting"));
			Optional<Chat> taken = this.chats
				.update(chatId,
						(chat) -> (chat.status() == Chat.Status.WAITING)
								? chat.assignedTo(counsellor, displayName, this.clock.instant()) : chat)
				.filter((chat) -> chat.status() == Chat.Status.ACTIVE && counsellor.equals(chat.counsellor()));
			if (taken.isPresent()) {
				Chat chat = taken.get();
				logger.info("Chat {} taken from queue {}", chat.id(), queue);
				this.events.publishEvent(new ChatTaken(chat.id(), queue, chat.joinedAt(), chat.startedAt()));
				this.delivery.toStaff(counsellor, ChatAssigned.of(chat));
				this.delivery.toVisitor(chat.visitorId(), new ChatStarted(chat.id(), displayName));
				queueChanged(queue);
				return chat;
			}
		}
	}

	/** The visitor's place in their queue, 1 being next; 0 when not waiting. */
	public int position(Chat chat) {
		return this.waiting.waiting(chat.queue()).indexOf(chat.id()) + 1;
	}

	/** Who waits in the queue, front first. */
	public List<WaitingChat> waitingIn(String queue) {
		return this.waiting.waiting(queue)
			.stream()
			.flatMap((chatId) -> this.chats.find(chatId).stream())
			.filter((chat) -> chat.status() == Chat.Status.WAITING)
			.map(WaitingChat::of)
			.toList();
	}

	private void requireQueue(String queue) {
		if (!this.catalog.exists(queue)) {
			throw new FyrenException(ErrorCode.UNKNOWN_QUEUE, "No such queue");
		}
	}

	private void queueChanged(String queue) {
		List<String> line = this.waiting.waiting(queue);
		for (int i = 0; i < line.size(); i++) {
			int position = i + 1;
			this.chats.find(line.get(i))
				.ifPresent((chat) -> this.delivery.toVisitor(chat.visitorId(), new Position(queue, position)));
		}
		this.events.publishEvent(new QueueChanged(queue));
	}

}
