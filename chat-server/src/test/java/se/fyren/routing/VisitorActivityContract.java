package se.fyren.routing;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link VisitorActivity} must do; one subclass per implementation.
 */
abstract class VisitorActivityContract {

	static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

	VisitorActivity activity;

	protected abstract VisitorActivity createActivity();

	@BeforeEach
	void setUpActivity() {
		this.activity = createActivity();
	}

	@Test
	void beingSeenClearsTheWarning() {
		this.activity.seen("c1", T0);
		this.activity.warned("c1", T0.plusSeconds(600));
		assertThat(this.activity.warnedAt("c1")).contains(T0.plusSeconds(600));
		this.activity.seen("c1", T0.plusSeconds(620));
		assertThat(this.activity.warnedAt("c1")).isEmpty();
		assertThat(this.activity.lastSeen("c1")).contains(T0.plusSeconds(620));
	}

	@Test
	void keepsTheLatestSightingAndForgets() {
		this.activity.seen("c1", T0.plusSeconds(10));
		this.activity.seen("c1", T0);
		this.activity.seen("c2", T0);
		assertThat(this.activity.lastSeen("c1")).contains(T0.plusSeconds(10));
		this.activity.forget("c1");
		assertThat(this.activity.lastSeen("c1")).isEmpty();
		assertThat(this.activity.lastSeen("c2")).contains(T0);
	}

}
