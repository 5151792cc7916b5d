package se.fyren.queue;

import java.time.Instant;

import se.fyren.conversation.Chat;
import se.fyren.queue.QueueEvents.WaitingReason;

/**
 * A waiting chat as counsellors see it in the queue overview: categories and
 * waiting time only, the danger flag, and why it is not being offered to
 * anyone when nobody suitable is on duty (null when it is, or can be).
 */
public record WaitingChat(String chatId, Instant waitingSince, String ageBand, String language, boolean urgent,
		WaitingReason waitingReason) {

	static WaitingChat of(Chat chat) {
		return new WaitingChat(chat.id(), chat.joinedAt(), chat.ageBand(), chat.language(), chat.urgent(), null);
	}

	/** The same chat with why it waits. */
	public WaitingChat because(WaitingReason reason) {
		return new WaitingChat(this.chatId, this.waitingSince, this.ageBand, this.language, this.urgent, reason);
	}

}
