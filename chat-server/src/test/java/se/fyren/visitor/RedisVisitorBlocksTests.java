package se.fyren.visitor;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import se.fyren.system.RedisKeys;
import se.fyren.testsupport.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;

class RedisVisitorBlocksTests extends VisitorBlocksContract {

	static final RedisTestStore store = new RedisTestStore();

	private RedisKeys keys;

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	@Override
	VisitorBlocks blocks() {
		this.keys = store.freshKeys();
		return new RedisVisitorBlocks(store.template(), this.keys, this.clock);
	}

	@Test
	void aBlockLeavesRedisSoonAfterItEndsAndHoldsNothingButTheEnd() {
		VisitorBlocks blocks = blocks();
		blocks.block("session-1", this.clock.instant().plus(Duration.ofHours(1)));
		String key = this.keys.of("visitor-block", "session-1");
		assertThat(store.template().getExpire(key)).isBetween(Duration.ofHours(1).toSeconds(),
				Duration.ofMinutes(61).toSeconds());
		assertThat(store.template().opsForValue().get(key)).matches("\\d+");
	}

}
