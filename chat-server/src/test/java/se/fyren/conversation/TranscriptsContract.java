package se.fyren.conversation;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link Transcripts} must do; one subclass per implementation.
 */
abstract class TranscriptsContract {

	static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

	Transcripts transcripts;

	protected abstract Transcripts createTranscripts();

	@BeforeEach
	void setUpTranscripts() {
		this.transcripts = createTranscripts();
	}

	@Test
	void numbersMessagesInOrderPerChat() {
		this.transcripts.append("c1", "a", Party.VISITOR, null, "hej", T0);
		this.transcripts.append("c2", "x", Party.VISITOR, null, "other chat", T0);
		Transcripts.Appended second = this.transcripts.append("c1", "b", Party.COUNSELLOR, "Anna", "hej hej", T0);
		assertThat(second.fresh()).isTrue();
		assertThat(second.message().seq()).isEqualTo(2);
		assertThat(this.transcripts.after("c1", 0)).extracting(ChatMessage::id).containsExactly("a", "b");
		assertThat(this.transcripts.after("c2", 0)).extracting(ChatMessage::seq).containsExactly(1L);
	}

	@Test
	void aDuplicateIdIsStoredOnce() {
		this.transcripts.append("c1", "a", Party.VISITOR, null, "first", T0);
		Transcripts.Appended again = this.transcripts.append("c1", "a", Party.VISITOR, null, "first", T0.plusSeconds(1));
		assertThat(again.fresh()).isFalse();
		assertThat(again.message().seq()).isEqualTo(1);
		assertThat(again.message().sentAt()).isEqualTo(T0);
		assertThat(this.transcripts.after("c1", 0)).hasSize(1);
	}

	@Test
	void aCounsellorsMessageKeepsItsAuthorAndTheVisitorsHasNone() {
		this.transcripts.append("c1", "a", Party.COUNSELLOR, "Anna", "hej", T0);
		this.transcripts.append("c1", "b", Party.VISITOR, null, "hej", T0);
		this.transcripts.append("c1", "c", Party.COUNSELLOR, "Dragan", "hej igen", T0);
		Transcripts.Appended again = this.transcripts.append("c1", "a", Party.COUNSELLOR, "Dragan", "hej", T0);
		assertThat(again.message().author()).isEqualTo("Anna");
		assertThat(this.transcripts.after("c1", 0)).extracting(ChatMessage::author)
			.containsExactly("Anna", null, "Dragan");
	}

	@Test
	void tellsEachSendersFirstMessageOnce() {
		assertThat(this.transcripts.append("c1", "a", Party.VISITOR, null, "hej", T0).firstOfSender()).isTrue();
		assertThat(this.transcripts.append("c1", "b", Party.COUNSELLOR, "Anna", "hej hej", T0).firstOfSender()).isTrue();
		assertThat(this.transcripts.append("c1", "a", Party.VISITOR, null, "hej", T0).firstOfSender()).isFalse();
		assertThat(this.transcripts.append("c1", "c", Party.VISITOR, null, "igen", T0).firstOfSender()).isFalse();
		assertThat(this.transcripts.append("c2", "a", Party.VISITOR, null, "other chat", T0).firstOfSender()).isTrue();
		assertThat(this.transcripts.after("c1", 0)).extracting(ChatMessage::text).containsExactly("hej", "hej hej", "igen");
	}

	@Test
	void replaysOnlyWhatCameAfter() {
		for (int i = 1; i <= 5; i++) {
			this.transcripts.append("c1", "m" + i, Party.VISITOR, null, "text " + i, T0);
		}
		assertThat(this.transcripts.after("c1", 3)).extracting(ChatMessage::id).containsExactly("m4", "m5");
		assertThat(this.transcripts.after("c1", 5)).isEmpty();
		assertThat(this.transcripts.after("c1", 99)).isEmpty();
		assertThat(this.transcripts.after("c1", Long.MAX_VALUE)).isEmpty();
		assertThat(this.transcripts.after("unknown", 0)).isEmpty();
	}

	@Test
	void deleteForgetsEveryMessage() {
		this.transcripts.append("c1", "a", Party.VISITOR, null, "hej", T0);
		this.transcripts.delete("c1");
		assertThat(this.transcripts.after("c1", 0)).isEmpty();
	}

}
