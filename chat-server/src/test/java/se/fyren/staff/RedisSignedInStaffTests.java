package se.fyren.staff;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import se.fyren.system.RedisKeys;
import se.fyren.testsupport.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;

class RedisSignedInStaffTests extends SignedInStaffContract {

	static final RedisTestStore store = new RedisTestStore();

	RedisKeys keys;

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	@Override
	protected SignedInStaff createSignedInStaff() {
		this.keys = store.freshKeys();
		return node();
	}

	private RedisSignedInStaff node() {
		return new RedisSignedInStaff(store.template(), this.keys, JsonMapper.builder().build());
	}

	@Test
	void anotherNodeKnowsWhoSignedInAndTheRecordExpires() {
		this.signedIn.remember(KIM);
		assertThat(node().find("kim.k")).contains(KIM);
		assertThat(store.template().getExpire(this.keys.of("staff-signed-in"))).isPositive();
	}

}
