package se.fyren.conversation;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ChatNotes} must do; one subclass per implementation.
 */
abstract class ChatNotesContract {

	static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

	ChatNotes notes;

	protected abstract ChatNotes createNotes();

	@BeforeEach
	void setUpNotes() {
		this.notes = createNotes();
	}

	@Test
	void keepsEachChatsNotesInTheOrderTheyWereWritten() {
		this.notes.add(new ChatNote("c1", "n2", "Anna", "second", T0.plusSeconds(5)));
		this.notes.add(new ChatNote("c1", "n1", "Anna", "first", T0));
		this.notes.add(new ChatNote("c2", "n1", "Bo", "other chat", T0));
		assertThat(this.notes.of("c1")).extracting(ChatNote::text).containsExactly("first", "second");
		assertThat(this.notes.of("c2")).containsExactly(new ChatNote("c2", "n1", "Bo", "other chat", T0));
		assertThat(this.notes.of("c3")).isEmpty();
	}

	@Test
	void aResentNoteIsStoredOnce() {
		ChatNote first = this.notes.add(new ChatNote("c1", "n1", "Anna", "ring back", T0));
		ChatNote again = this.notes.add(new ChatNote("c1", "n1", "Anna", "ring back", T0.plusSeconds(3)));
		assertThat(again).isEqualTo(first);
		assertThat(this.notes.of("c1")).hasSize(1);
	}

	@Test
	void deletingForgetsOnlyThatChat() {
		this.notes.add(new ChatNote("c1", "n1", "Anna", "x", T0));
		this.notes.add(new ChatNote("c2", "n1", "Anna", "y", T0));
		this.notes.delete("c1");
		assertThat(this.notes.of("c1")).isEmpty();
		assertThat(this.notes.of("c2")).hasSize(1);
	}

}
