package se.fyren.queue;

import java.time.Instant;

import se.fyren.conversation.Chat;

/**
 * A waiting chat as counsellors see it in the queue overview: categories and
 * waiting time only, and the danger flag.
 */
public record WaitingChat(String chatId, Instant waitingSince, String ageBand, String language, boolean urgent) {

	static WaitingChat of(Chat chat) {
		return new WaitingChat(chat.id(), chat.joinedAt(), chat.ageBand(), chat.language(), chat.urgent());
	}

}
