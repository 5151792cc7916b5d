package se.fyren.supervision;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ChatMonitors} must do; one subclass per implementation.
 */
abstract class ChatMonitorsContract {

	ChatMonitors monitors;

	protected abstract ChatMonitors createMonitors();

	@BeforeEach
	void setUpMonitors() {
		this.monitors = createMonitors();
	}

	@Test
	void aChatNobodyFollowsHasNoObservers() {
		assertThat(this.monitors.of("chat-1")).isEmpty();
		assertThat(this.monitors.followedBy("s1")).isEmpty();
		assertThat(this.monitors.stop("chat-1", "s1")).isFalse();
	}

	@Test
	void theFirstFollowerStartsAndTheLastOneStopsTheMonitoring() {
		assertThat(this.monitors.start("chat-1", "s1", "sara")).isTrue();
		assertThat(this.monitors.start("chat-1", "s2", "stina")).isFalse();
		assertThat(this.monitors.of("chat-1")).containsExactlyInAnyOrder("sara", "stina");
		assertThat(this.monitors.of("chat-2")).isEmpty();

		assertThat(this.monitors.stop("chat-1", "s1")).isFalse();
		assertThat(this.monitors.of("chat-1")).containsExactly("stina");
		assertThat(this.monitors.stop("chat-1", "s1")).as("stopping twice").isFalse();
		assertThat(this.monitors.stop("chat-1", "s2")).isTrue();
		assertThat(this.monitors.of("chat-1")).isEmpty();
	}

	@Test
	void aSupervisorWithTwoSessionsFollowsUntilBothStop() {
		this.monitors.start("chat-1", "s1", "sara");
		this.monitors.start("chat-1", "s2", "sara");
		assertThat(this.monitors.of("chat-1")).containsExactly("sara");
		assertThat(this.monitors.stop("chat-1", "s1")).isFalse();
		assertThat(this.monitors.of("chat-1")).containsExactly("sara");
	}

	@Test
	void knowsWhichChatsASessionFollows() {
		this.monitors.start("chat-1", "s1", "sara");
		this.monitors.start("chat-2", "s1", "sara");
		this.monitors.start("chat-3", "s2", "stina");
		assertThat(this.monitors.followedBy("s1")).containsExactlyInAnyOrder("chat-1", "chat-2");
		this.monitors.stop("chat-1", "s1");
		assertThat(this.monitors.followedBy("s1")).containsExactly("chat-2");
	}

}
