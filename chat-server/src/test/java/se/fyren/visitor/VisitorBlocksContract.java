package se.fyren.visitor;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import se.fyren.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every store of visitor blocks must do.
 */
abstract class VisitorBlocksContract {

	final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

	/** A fresh, empty store on {@link #clock}. */
	abstract VisitorBlocks blocks();

	@Test
	void aBlockHoldsUntilItsEndAndNotAMomentLonger() {
		VisitorBlocks blocks = blocks();
		Instant until = this.clock.instant().plus(Duration.ofHours(1));
		blocks.block("session-1", until);
		assertThat(blocks.blockedUntil("session-1", this.clock.instant())).contains(until);
		assertThat(blocks.blockedUntil("session-1", until.minusMillis(1))).contains(until);
		assertThat(blocks.blockedUntil("session-1", until)).isEmpty();
	}

	@Test
	void onlyTheBlockedSessionIsBlocked() {
		VisitorBlocks blocks = blocks();
		blocks.block("session-1", this.clock.instant().plus(Duration.ofHours(1)));
		assertThat(blocks.blockedUntil("session-2", this.clock.instant())).isEmpty();
	}

	@Test
	void aNewBlockReplacesTheOldOne() {
		VisitorBlocks blocks = blocks();
		blocks.block("session-1", this.clock.instant().plus(Duration.ofHours(1)));
		Instant longer = this.clock.instant().plus(Duration.ofHours(24));
		blocks.block("session-1", longer);
		assertThat(blocks.blockedUntil("session-1", this.clock.instant().plus(Duration.ofHours(2)))).contains(longer);
	}

}
