package se.fyren.handover;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import se.fyren.testsupport.MutableClock;
import se.fyren.testsupport.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RedisHandoverRecordsTests extends HandoverRecordsContract {

	static final RedisTestStore store = new RedisTestStore();

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	@Override
	protected HandoverRecords createRecords(HandoverSealing sealing, MutableClock clock) {
		return new RedisHandoverRecords(store.template(), store.freshKeys(), sealing, PROPERTIES,
				JsonMapper.builder().build(), clock);
	}

	@Override
	protected void pass(Duration duration) {
		this.clock.advance(duration);
		// Redis measures time itself: wait until its expiry has had the chance to run.
		await().atMost(Duration.ofSeconds(5)).until(() -> store.keys().stream().noneMatch((key) -> key.contains("handover-proposal")));
	}

	@Test
	void storesNoReadableContentAndEveryKeyButTheIndexExpires() {
		this.records.propose(proposal("c1", "p1"));
		this.records.store(handover("FY-A"), status("FY-A", Duration.ofDays(1)));
		List<String> keys = store.keys();
		assertThat(keys).isNotEmpty();
		for (String key : keys) {
			if (!key.endsWith("handovers")) {
				assertThat(store.template().getExpire(key)).as(key).isPositive();
			}
			assertThat(store.valueOf(key)).doesNotContain("070-000").doesNotContain("I want help").doesNotContain("Summary");
		}
	}

	@Test
	void redisDropsARecordAtItsExpiryWithoutAnyPurge() {
		this.records.store(handover("FY-A"), status("FY-A", Duration.ofSeconds(1)));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.records.content("FY-A").isEmpty());
		assertThat(this.records.statuses()).isEmpty();
	}

}
