package se.fyren.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.springframework.stereotype.Component;

import se.fyren.system.ErrorCode;
import se.fyren.system.FyrenException;
import se.fyren.system.UntrustedText;
import se.fyren.transport.ClientEvent;

/**
 * Internal notes on a chat: written by the counsellor who holds it, read by
 * whoever holds it later (after a transfer too) and by a supervisor following
 * it. They go only to the counsellor's side of the chat, never to the
 * visitor, and are kept and deleted with the transcript.
 */
@Component
public class InternalNotes {

	static final int MAX_LENGTH = 2000;

	private static final Pattern NOTE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final ChatNotes notes;

	private final Conversations conversations;

	private final Clock clock;

	InternalNotes(ChatNotes notes, Conversations conversations, Clock clock) {
		this.notes = notes;
		this.conversations = conversations;
		this.clock = clock;
	}

	/**
	 * Stores a note on an active chat and sends it to the chat's staff side. A
	 * resent note (same id) is sent again, not stored twice.
	 */
	public void write(Chat chat, String author, String noteId, String text) {
		if (noteId == null || !NOTE_ID.matcher(noteId).matches()) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "id must be 1-64 characters of A-Z a-z 0-9 _ -");
		}
		String clean = (text != null) ? UntrustedText.neutralise(text).strip() : "";
		if (clean.isEmpty()) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "text must not be blank");
		}
		if (clean.codePointCount(0, clean.length()) > MAX_LENGTH) {
			throw new FyrenException(ErrorCode.MESSAGE_TOO_LONG, "A note is at most " + MAX_LENGTH + " characters");
		}
		Instant now = this.clock.instant();
		ChatNote stored = this.notes.add(new ChatNote(chat.id(), noteId, author, clean, now));
		this.conversations.notify(chat, Party.COUNSELLOR, NoteAdded.of(stored));
	}

	/**
	 * To the counsellor's side of a chat, and to a supervisor following it: an
	 * internal note. Never sent to a visitor.
	 */
	@JsonTypeName("note")
	public record NoteAdded(String chatId, String id, String author, String text, Instant writtenAt)
			implements ClientEvent {

		static NoteAdded of(ChatNote note) {
			return new NoteAdded(note.chatId(), note.id(), note.author(), note.text(), note.writtenAt());
		}

	}

}
