package se.fyren.counsellor;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link CounsellorPresence} must do; one subclass per implementation.
 */
abstract class CounsellorPresenceContract {

	CounsellorPresence presence;

	protected abstract CounsellorPresence createPresence();

	@BeforeEach
	void setUpPresence() {
		this.presence = createPresence();
	}

	@Test
	void counsellorsGoOnAndOffDuty() {
		this.presence.setOnDuty("anna", true);
		this.presence.setOnDuty("bo", true);
		assertThat(this.presence.isOnDuty("anna")).isTrue();
		assertThat(this.presence.onDuty()).containsExactlyInAnyOrder("anna", "bo");
		this.presence.setOnDuty("anna", false);
		assertThat(this.presence.isOnDuty("anna")).isFalse();
		assertThat(this.presence.onDuty()).containsExactly("bo");
	}

	@Test
	void aCounsellorIsConnectedWhileAnySessionIsOpen() {
		assertThat(this.presence.isConnected("anna")).isFalse();
		this.presence.sessionOpened("anna");
		this.presence.sessionOpened("anna");
		assertThat(this.presence.isConnected("anna")).isTrue();
		this.presence.sessionClosed("anna");
		assertThat(this.presence.isConnected("anna")).isTrue();
		this.presence.sessionClosed("anna");
		assertThat(this.presence.isConnected("anna")).isFalse();
		assertThat(this.presence.isConnected("bo")).isFalse();
	}

	@Test
	void closingASessionNeverOpenedChangesNothing() {
		this.presence.sessionClosed("anna");
		this.presence.sessionOpened("anna");
		assertThat(this.presence.isConnected("anna")).isTrue();
	}

	@Test
	void dutyDoesNotDependOnConnection() {
		this.presence.setOnDuty("anna", true);
		this.presence.sessionOpened("anna");
		this.presence.sessionClosed("anna");
		assertThat(this.presence.isOnDuty("anna")).isTrue();
	}

}
