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
	void theFirstFollowerAndTheLastToLeaveAreTold() {
		assertThat(this.monitors.of("c1")).isEmpty();
		assertThat(this.monitors.start("c1", "s1", "sara")).isTrue();
		assertThat(this.monitors.start("c1", "s1", "sara")).isFalse();
		assertThat(this.monitors.start("c1", "s2", "sven")).isFalse();
		assertThat(this.monitors.of("c1")).containsExactlyInAnyOrder("sara", "sven");
		assertThat(this.monitors.of("c2")).isEmpty();

		assertThat(this.monitors.stop("c1", "s1")).isFalse();
		assertThat(this.monitors.of("c1")).containsExactly("sven");
		assertThat(this.monitors.stop("c1", "s1")).isFalse();
		assertThat(this.monitors.stop("c1", "s2")).isTrue();
		assertThat(this.monitors.of("c1")).isEmpty();
	}

	@Test
	void aSessionKnowsWhatItFollows() {
		this.monitors.start("c1", "s1", "sara");
		this.monitors.start("c2", "s1", "sara");
		this.monitors.start("c3", "s2", "sven");
		assertThat(this.monitors.followedBy("s1")).containsExactlyInAnyOrder("c1", "c2");
		this.monitors.stop("c1", "s1");
		assertThat(this.monitors.followedBy("s1")).containsExactly("c2");
		assertThat(this.monitors.followedBy("s9")).isEmpty();
	}

}
