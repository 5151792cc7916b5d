package se.fyren.counsellor;

import java.security.Principal;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

import se.fyren.conversation.Chat;
import se.fyren.conversation.Conversations;
import se.fyren.conversation.InternalNotes;
import se.fyren.staff.StaffDirectory;
import se.fyren.staff.StaffProperties.Account;
import se.fyren.transport.Participants;

/**
 * A counsellor writes an internal note on a chat they hold, over STOMP.
 */
@Controller
@MessageMapping("/counsellor")
class NoteController {

	private final Conversations conversations;

	private final InternalNotes notes;

	private final StaffDirectory staff;

	NoteController(Conversations conversations, InternalNotes notes, StaffDirectory staff) {
		this.conversations = conversations;
		this.notes = notes;
		this.staff = staff;
	}

	@MessageMapping("/note")
	void note(@Payload Note note, Principal principal) {
		String username = Participants.counsellor(principal);
		Chat chat = this.conversations.chatOfCounsellor(username, note.chatId());
		String author = this.staff.find(username).map(Account::displayName).orElse(username);
		this.notes.write(chat, author, note.id(), note.text());
	}

	record Note(String chatId, String id, String text) {
	}

}
