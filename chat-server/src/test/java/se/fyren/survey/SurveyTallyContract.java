package se.fyren.survey;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link SurveyTally} must do; one subclass per implementation.
 */
abstract class SurveyTallyContract {

	static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

	static final LocalDate DAY = LocalDate.parse("2026-03-02");

	SurveyTally tally;

	protected abstract SurveyTally createTally();

	@BeforeEach
	void setUpTally() {
		this.tally = createTally();
	}

	@Test
	void countsAnswersPerDayQueueAndAnswer() {
		assertThat(this.tally.record("c1", DAY, "youth", SurveyAnswer.YES, T0)).isTrue();
		assertThat(this.tally.record("c2", DAY, "youth", SurveyAnswer.YES, T0)).isTrue();
		assertThat(this.tally.record("c3", DAY, "youth", SurveyAnswer.NO, T0)).isTrue();
		assertThat(this.tally.record("c4", DAY, "relatives", SurveyAnswer.SOMEWHAT, T0)).isTrue();
		assertThat(this.tally.record("c5", DAY.plusDays(1), "youth", SurveyAnswer.YES, T0.plusSeconds(86400))).isTrue();

		assertThat(this.tally.counts()).containsExactly(
				new SurveyCount(DAY, "relatives", SurveyAnswer.SOMEWHAT, 1),
				new SurveyCount(DAY, "youth", SurveyAnswer.YES, 2),
				new SurveyCount(DAY, "youth", SurveyAnswer.NO, 1),
				new SurveyCount(DAY.plusDays(1), "youth", SurveyAnswer.YES, 1));
	}

	@Test
	void acceptsOneAnswerPerChat() {
		assertThat(this.tally.record("c1", DAY, "youth", SurveyAnswer.YES, T0)).isTrue();
		assertThat(this.tally.record("c1", DAY, "youth", SurveyAnswer.NO, T0.plusSeconds(5))).isFalse();

		assertThat(this.tally.counts()).containsExactly(new SurveyCount(DAY, "youth", SurveyAnswer.YES, 1));
	}

	@Test
	void forgetsAnsweredChatsAfterTheMemoryButKeepsTheCounts() {
		this.tally.record("c1", DAY, "youth", SurveyAnswer.YES, T0);
		Instant later = T0.plus(SurveyTally.ANSWERED_MEMORY).plusSeconds(1);

		assertThat(this.tally.record("c1", DAY.plusDays(2), "youth", SurveyAnswer.YES, later)).isTrue();
		assertThat(this.tally.counts()).extracting(SurveyCount::count).containsExactly(1L, 1L);
	}

	@Test
	void startsEmpty() {
		assertThat(this.tally.counts()).isEmpty();
	}

}
