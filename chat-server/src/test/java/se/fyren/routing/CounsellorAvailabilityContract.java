package se.fyren.routing;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link CounsellorAvailability} must do; one subclass per implementation.
 */
abstract class CounsellorAvailabilityContract {

	static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

	CounsellorAvailability availability;

	protected abstract CounsellorAvailability createAvailability();

	@BeforeEach
	void setUpAvailability() {
		this.availability = createAvailability();
	}

	@Test
	void remembersTheLatestChatStart() {
		assertThat(this.availability.lastChatAt("anna")).isEmpty();
		this.availability.chatStarted("anna", T0.plusSeconds(60));
		this.availability.chatStarted("anna", T0);
		this.availability.chatStarted("bo", T0.plusSeconds(5));
		assertThat(this.availability.lastChatAt("anna")).contains(T0.plusSeconds(60));
		assertThat(this.availability.lastChatAt("bo")).contains(T0.plusSeconds(5));
	}

	@Test
	void keepsTheLatestPause() {
		assertThat(this.availability.pausedUntil("anna")).isEmpty();
		this.availability.pauseUntil("anna", T0.plusSeconds(300));
		assertThat(this.availability.pausedUntil("anna")).contains(T0.plusSeconds(300));
		assertThat(this.availability.pausedUntil("bo")).isEmpty();
	}

	@Test
	void remembersWhoHasPausedThemselvesUntilTheyResume() {
		assertThat(this.availability.paused()).isEmpty();
		this.availability.setPaused("anna", true);
		this.availability.setPaused("bo", true);
		this.availability.setPaused("anna", true);
		assertThat(this.availability.paused()).containsExactlyInAnyOrder("anna", "bo");
		this.availability.setPaused("anna", false);
		this.availability.setPaused("cecilia", false);
		assertThat(this.availability.paused()).containsExactly("bo");
		// The wellbeing pause is a separate thing.
		assertThat(this.availability.pausedUntil("bo")).isEmpty();
	}

}
