package se.fyren.visitor;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryVisitorBlocksTests extends VisitorBlocksContract {

	@Override
	VisitorBlocks blocks() {
		return new InMemoryVisitorBlocks(this.clock);
	}

	@Test
	void expiredBlocksArePurged() {
		InMemoryVisitorBlocks blocks = new InMemoryVisitorBlocks(this.clock);
		blocks.block("short", this.clock.instant().plus(Duration.ofHours(1)));
		blocks.block("long", this.clock.instant().plus(Duration.ofHours(24)));
		this.clock.advance(Duration.ofHours(1));
		blocks.purge();
		assertThat(blocks.size()).isEqualTo(1);
		assertThat(blocks.blockedUntil("long", this.clock.instant())).isPresent();
	}

}
