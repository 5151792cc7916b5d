package se.fyren.counsellor;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import se.fyren.system.RedisKeys;
import se.fyren.system.RedisNode;
import se.fyren.system.RedisStoreProperties;
import se.fyren.testsupport.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RedisCounsellorPresenceTests extends CounsellorPresenceContract {

	static final RedisTestStore store = new RedisTestStore();

	RedisKeys keys;

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	@Override
	protected CounsellorPresence createPresence() {
		this.keys = store.freshKeys();
		return node("a", Duration.ofSeconds(30));
	}

	private RedisCounsellorPresence node(String id, Duration ttl) {
		return new RedisCounsellorPresence(store.template(), this.keys, new RedisNode(id),
				new RedisStoreProperties("unused", ttl, ttl.dividedBy(3)));
	}

	@Test
	void everyNodeSeesWhoIsOnDutyAndConnected() {
		RedisCounsellorPresence other = node("b", Duration.ofSeconds(30));
		this.presence.setOnDuty("anna", true);
		this.presence.sessionOpened("anna");
		assertThat(other.isOnDuty("anna")).isTrue();
		assertThat(other.isConnected("anna")).isTrue();
		other.sessionOpened("anna");
		this.presence.sessionClosed("anna");
		assertThat(this.presence.isConnected("anna")).as("still connected through node b").isTrue();
	}

	@Test
	void aDeadNodesSessionsExpireWhileALiveNodesAreRenewed() {
		RedisCounsellorPresence dying = node("dying", Duration.ofSeconds(1));
		RedisCounsellorPresence living = node("living", Duration.ofSeconds(1));
		dying.sessionOpened("anna");
		living.sessionOpened("bo");
		assertThat(living.isConnected("anna")).isTrue();
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
			living.heartbeat();
			return !living.isConnected("anna");
		});
		assertThat(living.isConnected("bo")).isTrue();
	}

}
