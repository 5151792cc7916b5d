package se.fyren.letterbox;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Letterbox} must do; one subclass per implementation.
 */
abstract class LetterboxContract {

	static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

	Letterbox letterbox;

	protected abstract Letterbox createLetterbox();

	@BeforeEach
	void setUpLetterbox() {
		this.letterbox = createLetterbox();
	}

	static Letter letter(String id, String queue, Instant sentAt) {
		return new Letter(id, "hash-" + id, queue, "text " + id, "sv", sentAt, null, null, null);
	}

	@Test
	void findsALetterByTheHashOfItsCodeOnly() {
		this.letterbox.save(letter("l1", "youth", T0));
		assertThat(this.letterbox.findByCodeHash("hash-l1")).map(Letter::id).contains("l1");
		assertThat(this.letterbox.findByCodeHash("hash-l2")).isEmpty();
		assertThat(this.letterbox.find("l1")).map(Letter::text).contains("text l1");
	}

	@Test
	void listsUnansweredLettersOfTheGivenQueuesOldestFirst() {
		this.letterbox.save(letter("late", "youth", T0.plusSeconds(60)));
		this.letterbox.save(letter("early", "youth", T0));
		this.letterbox.save(letter("other", "buys-sex", T0));
		this.letterbox.save(letter("done", "youth", T0));
		this.letterbox.update("done", (letter) -> letter.answeredWith("answer", "anna", T0.plusSeconds(5)));
		assertThat(this.letterbox.unanswered(List.of("youth"))).extracting(Letter::id).containsExactly("early", "late");
		assertThat(this.letterbox.findByCodeHash("hash-done")).map(Letter::answer).contains("answer");
	}

	@Test
	void anUpdateThatThrowsChangesNothing() {
		this.letterbox.save(letter("l1", "youth", T0));
		assertThatThrownBy(() -> this.letterbox.update("l1", (letter) -> {
			throw new IllegalStateException("refused");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(this.letterbox.find("l1")).map(Letter::answered).contains(false);
		assertThat(this.letterbox.update("missing", (letter) -> letter)).isEmpty();
	}

	@Test
	void removesLettersSentBeforeTheCutoff() {
		this.letterbox.save(letter("old", "youth", T0));
		this.letterbox.save(letter("new", "youth", T0.plusSeconds(3600)));
		assertThat(this.letterbox.removeSentBefore(T0.plusSeconds(1))).isEqualTo(1);
		assertThat(this.letterbox.findByCodeHash("hash-old")).isEmpty();
		assertThat(this.letterbox.find("old")).isEmpty();
		assertThat(this.letterbox.find("new")).isPresent();
	}

}
