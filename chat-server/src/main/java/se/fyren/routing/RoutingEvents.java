package se.fyren.routing;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonTypeName;

import se.fyren.conversation.Chat;
import se.fyren.transport.ClientEvent;

/**
 * Events about routing, sent to participants.
 */
public final class RoutingEvents {

	private RoutingEvents() {
	}

	/** To a counsellor: a waiting chat is offered to them until {@code expiresAt}. */
	@JsonTypeName("offer")
	public record Offer(String chatId, String queue, String ageBand, String language, boolean urgent,
			Instant waitingSince, Instant expiresAt, String note) implements ClientEvent {

		static Offer of(Chat chat, Instant expiresAt) {
			return new Offer(chat.id(), chat.queue(), chat.ageBand(), chat.language(), chat.urgent(), chat.joinedAt(),
					expiresAt, chat.note());
		}

	}

	/** To a counsellor: an offer is no longer open. */
	@JsonTypeName("offer-withdrawn")
	public record OfferWithdrawn(String chatId, WithdrawnBecause reason) implements ClientEvent {
	}

	/** Why an offer was withdrawn. */
	public enum WithdrawnBecause {

		/** Not accepted in time. */
		TIMEOUT,
		/** The counsellor declined it. */
		DECLINED,
		/** Somebody picked the chat by hand, or it is no longer waiting. */
		TAKEN,
		/** The counsellor cannot take it any more (off duty, disconnected). */
		UNAVAILABLE

	}

	/**
	 * To the visitor, and to the counsellor who handed the chat on: the chat
	 * went to another counsellor ({@code counsellorName}) or back to a queue (null).
	 */
	@JsonTypeName("transferred")
	public record Transferred(String chatId, String counsellorName) implements ClientEvent {
	}

	/** To the visitor (and their counsellor): the chat closes in this many seconds unless the visitor writes. */
	@JsonTypeName("inactive")
	public record Inactive(String chatId, long closesInSeconds) implements ClientEvent {
	}

	/** To counsellors of the queue and to supervisors: a visitor is in danger now. */
	@JsonTypeName("urgent")
	public record Urgent(String chatId, String queue, UrgentBecause reason) implements ClientEvent {
	}

	/**
	 * To the same staff as {@link Urgent}: the alert is over, because a
	 * counsellor has the chat or it has ended (or the visitor left the queue).
	 */
	@JsonTypeName("urgent-cleared")
	public record UrgentCleared(String chatId, String queue, ClearedBecause reason) implements ClientEvent {
	}

	/** Why an urgent alert is over. */
	public enum ClearedBecause {

		/** A counsellor took or accepted the chat. */
		TAKEN,
		/** The chat ended, or the visitor left the queue. */
		ENDED

	}

	/** What raised a chat's priority. */
	public enum UrgentBecause {

		/** The visitor said "I am in danger now". */
		DANGER,
		/** Their first message matched a configured keyword. */
		KEYWORD

	}

}
