package se.fyren.conversation;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import se.fyren.conversation.ChatEvents.Ended;
import se.fyren.conversation.ChatEvents.MessagePosted;
import se.fyren.conversation.ChatEvents.Typing;
import se.fyren.conversation.ConversationEvents.ChatClosed;
import se.fyren.conversation.ConversationEvents.FirstVisitorMessage;
import se.fyren.conversation.ConversationEvents.VisitorSeen;
import se.fyren.statistics.ServiceStatistics;
import se.fyren.system.ErrorCode;
import se.fyren.system.FyrenException;
import se.fyren.system.UntrustedText;
import se.fyren.transport.ClientEvent;
import se.fyren.transport.Delivery;

/**
 * What happens inside a chat once a counsellor has taken it: messages, typing,
 * the end, and replay after a reconnect.
 */
@Component
public class Conversations {

	private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final ChatStore chats;

	private final Transcripts transcripts;

	private final Delivery delivery;

	private final ConversationProperties properties;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final ChatObservers observers;

	private final ServiceStatistics statistics;

	private final ChatNotes notes;

	Conversations(ChatStore chats, Transcripts transcripts, Delivery delivery, ConversationProperties properties,
			Clock clock, ApplicationEventPublisher events, ChatObservers observers, ServiceStatistics statistics,
			ChatNotes notes) {
		this.notes = notes;
		this.observers = observers;
		this.statistics = statistics;
		this.chats = chats;
		this.transcripts = transcripts;
		this.delivery = delivery;
		this.properties = properties;
		this.clock = clock;
		this.events = events;
	}

	/** The visitor's active chat, or NOT_IN_CHAT / CHAT_ENDED. */
	public Chat activeChatOfVisitor(String visitorId) {
		Chat chat = this.chats.latestOfVisitor(visitorId)
			.orElseThrow(() -> new FyrenException(ErrorCode.NOT_IN_CHAT, "No chat"));
		return requireActive(chat);
	}

	/**
	 * The visitor's open chat, waiting or active, or NOT_IN_CHAT / CHAT_ENDED.
	 * A visitor may write while queued: the counsellor who takes the chat reads
	 * it then, and the first message is scanned for danger.
	 */
	public Chat openChatOfVisitor(String visitorId) {
		Chat chat = this.chats.latestOfVisitor(visitorId)
			.orElseThrow(() -> new FyrenException(ErrorCode.NOT_IN_CHAT, "No chat"));
		if (chat.status() == Chat.Status.ENDED) {
			throw new FyrenException(ErrorCode.CHAT_ENDED, "The chat has ended");
		}
		return chat;
	}

	/** A chat assigned to the counsellor, or NOT_A_PARTICIPANT / CHAT_ENDED. */
	public Chat chatOfCounsellor(String username, String chatId) {
		Chat chat = Optional.ofNullable(chatId)
			.flatMap(this.chats::find)
			.filter((found) -> username.equals(found.counsellor()))
			.orElseThrow(() -> new FyrenException(ErrorCode.NOT_A_PARTICIPANT, "Not your chat"));
		return requireActive(chat);
	}

	private static Chat requireActive(Chat chat) {
		return switch (chat.status()) {
			case ACTIVE -> chat;
			case ENDED -> throw new FyrenException(ErrorCode.CHAT_ENDED, "The chat has ended");
			case WAITING -> throw new FyrenException(ErrorCode.NOT_IN_CHAT, "The chat has not started yet");
		};
	}

	/**
	 * Stores a message and sends it to both sides. A resent duplicate is
	 * acknowledged to its sender again and to nobody else.
	 * @return whether the message is new (false for a resent duplicate)
	 */
	public boolean post(Chat chat, Party from, String messageId, String text) {
		if (messageId == null || !MESSAGE_ID.matcher(messageId).matches()) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "id must be 1-64 characters of A-Z a-z 0-9 _ -");
		}
		String clean = clean(text);
		// The chat's counsellor is the author: the caller checked it is them.
		String author = (from == Party.COUNSELLOR) ? chat.counsellorName() : null;
		Transcripts.Appended appended = this.transcripts.append(chat.id(), messageId, from, author, clean,
				this.clock.instant());
		MessagePosted event = MessagePosted.of(appended.message());
		send(chat, from, event);
		if (appended.fresh()) {
			send(chat, other(from), event);
			if (from == Party.VISITOR) {
				this.events.publishEvent(new VisitorSeen(chat));
				if (appended.firstOfSender()) {
					this.events.publishEvent(new FirstVisitorMessage(chat, clean));
				}
			}
		}
		return appended.fresh();
	}

	private String clean(String text) {
		if (text == null || text.isBlank()) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "text must not be blank");
		}
		String normalized = UntrustedText.neutralise(text).strip();
		if (normalized.isEmpty()) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "text must not be blank");
		}
		if (normalized.codePointCount(0, normalized.length()) > this.properties.maxTextLength()) {
			throw new FyrenException(ErrorCode.MESSAGE_TOO_LONG,
					"text is longer than " + this.properties.maxTextLength() + " characters");
		}
		return normalized;
	}

	/** Tells the other side that {@code from} is (not) typing. */
	public void typing(Chat chat, Party from, boolean typing) {
		send(chat, other(from), new Typing(chat.id(), from, typing));
		if (from == Party.VISITOR) {
			this.events.publishEvent(new VisitorSeen(chat));
		}
	}

	/** Ends an active chat and tells both sides; ending twice is harmless. */
	public void end(String chatId, Party by) {
		boolean[] endedNow = { false };
		this.chats.update(chatId, (chat) -> {
			// A store may apply the change more than once (optimistic retry): the last run decides.
			endedNow[0] = chat.isOpen();
			if (!chat.isOpen()) {
				return chat;
			}
			return chat.endedBy(by, this.clock.instant());
		}).filter((chat) -> endedNow[0]).ifPresent((chat) -> {
			Ended event = new Ended(chat.id(), by);
			this.statistics.chatEnded(new ServiceStatistics.EndedChat(chat.queue(), chat.ageBand(), chat.language(),
					chat.gender(), chat.municipality(), chat.joinedAt(), chat.startedAt(), chat.endedAt()));
			send(chat, Party.VISITOR, event);
			send(chat, Party.COUNSELLOR, event);
			this.events.publishEvent(new ChatClosed(chat));
		});
	}

	/**
	 * Records the counsellor's outcome category of an ended chat, once: the
	 * chat as changed when this call gave it its outcome, else empty (unknown
	 * chat, still open, or an outcome given already).
	 */
	public Optional<Chat> giveOutcome(String chatId, String outcome) {
		boolean[] givenNow = { false };
		return this.chats.update(chatId, (chat) -> {
			givenNow[0] = !chat.isOpen() && chat.outcome() == null;
			return givenNow[0] ? chat.withOutcome(outcome) : chat;
		}).filter((chat) -> givenNow[0]).map((chat) -> {
			this.statistics.outcomeGiven(chat.queue(), chat.joinedAt(), outcome);
			return chat;
		});
	}

	/**
	 * Sends one side every message after the given sequence number; the
	 * counsellor's side gets every internal note as well (there are few, and
	 * the console drops those it shows).
	 */
	public void replay(Chat chat, Party to, long afterSeq) {
		this.transcripts.after(chat.id(), afterSeq).forEach((message) -> send(chat, to, MessagePosted.of(message)));
		if (to == Party.COUNSELLOR) {
			this.notes.of(chat.id()).forEach((note) -> send(chat, to, InternalNotes.NoteAdded.of(note)));
		}
	}

	/** Sends one staff member, such as a supervisor starting to follow, the chat's internal notes. */
	public void sendNotes(Chat chat, String username) {
		this.notes.of(chat.id()).forEach((note) -> this.delivery.toStaff(username, InternalNotes.NoteAdded.of(note)));
	}

	private void send(Chat chat, Party to, ClientEvent event) {
		if (to == Party.VISITOR) {
			this.delivery.toVisitor(chat.visitorId(), event);
		}
		else if (chat.counsellor() != null) {
			this.delivery.toStaff(chat.counsellor(), event);
			// Silent monitoring: followers see the counsellor's side of the chat.
			this.observers.of(chat.id()).forEach((username) -> this.delivery.toStaff(username, event));
		}
	}

	/** Sends an event to one side of the chat. */
	public void notify(Chat chat, Party to, ClientEvent event) {
		send(chat, to, event);
	}

	private static Party other(Party party) {
		return (party == Party.VISITOR) ? Party.COUNSELLOR : Party.VISITOR;
	}

}
