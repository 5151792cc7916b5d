package se.fyren.conversation;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonTypeName;

import se.fyren.transport.ClientEvent;

/**
 * Events about a chat, sent to its participants.
 */
public final class ChatEvents {

	private ChatEvents() {
	}

	/** A stored message; for its sender also the acknowledgement. */
	@JsonTypeName("message")
	public record MessagePosted(String chatId, String id, long seq, Party from, String text, Instant sentAt,
			String author) implements ClientEvent {

		public static MessagePosted of(ChatMessage message) {
			return new MessagePosted(message.chatId(), message.id(), message.seq(), message.from(), message.text(),
					message.sentAt(), message.author());
		}

	}

	/** The other side started or stopped typing. */
	@JsonTypeName("typing")
	public record Typing(String chatId, Party from, boolean typing) implements ClientEvent {
	}

	/** The chat has ended. */
	@JsonTypeName("ended")
	public record Ended(String chatId, Party by) implements ClientEvent {
	}

	/** To the visitor: a counsellor has taken the chat. */
	@JsonTypeName("chat-started")
	public record ChatStarted(String chatId, String counsellor) implements ClientEvent {
	}

	/**
	 * To the counsellor: a chat is theirs. {@code urgent} flags a visitor in
	 * danger; {@code note} is a transferring colleague's internal note.
	 */
	@JsonTypeName("chat-assigned")
	public record ChatAssigned(String chatId, String queue, String ageBand, String language, Instant waitingSince,
			boolean urgent, String note) implements ClientEvent {

		public static ChatAssigned of(Chat chat) {
			return new ChatAssigned(chat.id(), chat.queue(), chat.ageBand(), chat.language(), chat.joinedAt(),
					chat.urgent(), chat.note());
		}

	}

	/** To the counsellor: whether a supervisor is following the chat. */
	@JsonTypeName("monitored")
	public record Monitored(String chatId, boolean monitored) implements ClientEvent {
	}

}
