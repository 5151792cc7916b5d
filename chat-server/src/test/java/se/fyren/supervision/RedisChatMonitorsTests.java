package se.fyren.supervision;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import se.fyren.system.RedisKeys;
import se.fyren.system.RedisNode;
import se.fyren.system.RedisStoreProperties;
import se.fyren.testsupport.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;

class RedisChatMonitorsTests extends ChatMonitorsContract {

	static final RedisTestStore store = new RedisTestStore();

	RedisKeys keys;

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	@Override
	protected ChatMonitors createMonitors() {
		this.keys = store.freshKeys();
		return onNode("node-a");
	}

	private RedisChatMonitors onNode(String node) {
		return new RedisChatMonitors(store.template(), this.keys, new RedisNode(node),
				new RedisStoreProperties("unused:", Duration.ofSeconds(30), Duration.ofSeconds(10)));
	}

	@Test
	void nodesShareFollowersAndTheirSessionIdsNeverClash() {
		RedisChatMonitors other = onNode("node-b");
		assertThat(this.monitors.start("c1", "0", "sara")).isTrue();
		// Session "0" of another node is another session.
		assertThat(other.start("c1", "0", "sven")).isFalse();
		assertThat(other.of("c1")).containsExactlyInAnyOrder("sara", "sven");
		assertThat(this.monitors.stop("c1", "0")).isFalse();
		assertThat(this.monitors.of("c1")).containsExactly("sven");
		assertThat(other.stop("c1", "0")).isTrue();
		assertThat(store.template().hasKey(this.keys.of("chat-monitors", "c1"))).isFalse();
	}

}
