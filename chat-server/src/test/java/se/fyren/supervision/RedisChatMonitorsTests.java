package se.fyren.supervision;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import se.fyren.system.RedisKeys;
import se.fyren.system.RedisNode;
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
		return node("a");
	}

	private RedisChatMonitors node(String id) {
		return new RedisChatMonitors(store.template(), this.keys, new RedisNode(id));
	}

	@Test
	void everyNodeSeesTheFollowersAndSameSessionIdsOnTwoNodesAreTwoSessions() {
		RedisChatMonitors other = node("b");
		assertThat(this.monitors.start("chat-1", "0", "sara")).isTrue();
		assertThat(other.of("chat-1")).containsExactly("sara");
		assertThat(other.start("chat-1", "0", "stina")).as("another node's session 0").isFalse();
		assertThat(other.followedBy("0")).containsExactly("chat-1");
		assertThat(this.monitors.stop("chat-1", "0")).isFalse();
		assertThat(other.of("chat-1")).containsExactly("stina");
		assertThat(other.stop("chat-1", "0")).isTrue();
	}

	@Test
	void whoFollowsExpires() {
		this.monitors.start("chat-1", "s1", "sara");
		assertThat(store.template().getExpire(this.keys.tagged("chat-monitors", "chat-1"))).isPositive();
	}

}
