package se.fyren.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import se.fyren.system.RedisKeys;
import se.fyren.system.RedisNode;
import se.fyren.system.RedisStoreProperties;
import se.fyren.testsupport.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RedisConnectionsTests extends ConnectionsContract {

	static final RedisTestStore store = new RedisTestStore();

	static final Clock NOTICED = Clock.fixed(T0.plusSeconds(90), ZoneOffset.UTC);

	RedisKeys keys;

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	@Override
	protected Connections createConnections() {
		this.keys = store.freshKeys();
		return node("a", Duration.ofSeconds(30));
	}

	private RedisConnections node(String id, Duration liveness) {
		return new RedisConnections(store.template(), this.keys, new RedisNode(id),
				new RedisStoreProperties("unused", liveness, liveness.dividedBy(3)), NOTICED);
	}

	@Test
	void theSessionsOfANodeThatStopsAnsweringCloseWhenAnotherNodeNotices() {
		RedisConnections dying = node("dying", Duration.ofMillis(500));
		RedisConnections living = node("living", Duration.ofSeconds(30));
		dying.heartbeat();
		living.heartbeat();
		dying.connected("anna", "tab-1");
		dying.connected("visitor:x", "s1");
		living.connected("visitor:x", "s2");
		living.heartbeat();
		assertThat(living.disconnectedSince("anna")).as("alive until its node's liveness runs out").isEmpty();

		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			living.heartbeat();
			assertThat(living.disconnectedSince("anna")).contains(NOTICED.instant());
		});
		assertThat(living.disconnectedSince("visitor:x")).as("still connected through the living node").isEmpty();
	}

	@Test
	void aParticipantWhoReconnectsOnAnotherNodeIsNotGoneWhenTheirOldNodeIsReaped() {
		RedisConnections dying = node("dying", Duration.ofMillis(500));
		RedisConnections living = node("living", Duration.ofSeconds(30));
		dying.heartbeat();
		dying.connected("anna", "tab-1");
		living.connected("anna", "tab-2");
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
			living.heartbeat();
			return !store.template().hasKey(this.keys.of("node-participants", "dying"));
		});
		assertThat(living.disconnectedSince("anna")).isEmpty();
		living.disconnected("anna", "tab-2", T0);
		assertThat(living.disconnectedSince("anna")).contains(T0);
	}

	@Test
	void aNodeThatWasTakenForDeadRegistersItsSessionsAgain() {
		RedisConnections slow = node("slow", Duration.ofMillis(500));
		RedisConnections living = node("living", Duration.ofSeconds(30));
		slow.heartbeat();
		slow.connected("anna", "tab-1");
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			living.heartbeat();
			assertThat(living.disconnectedSince("anna")).isPresent();
		});
		slow.heartbeat();
		assertThat(living.disconnectedSince("anna")).isEmpty();
	}

}
