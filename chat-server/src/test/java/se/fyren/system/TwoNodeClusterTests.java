package se.fyren.system;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.web.socket.WebSocketHttpHeaders;

import se.fyren.FyrenApplication;
import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.queue.Reception;
import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.RedisTestStore;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * Two nodes on one Redis, as behind a load balancer without sticky
 * sessions: participants on different nodes chat, a node dies mid-chat and
 * nothing is lost or doubled, and what Redis holds afterwards reveals nobody.
 */
class TwoNodeClusterTests {

	private final RedisTestStore store = new RedisTestStore();

	private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	private ConfigurableApplicationContext nodeA;

	private ConfigurableApplicationContext nodeB;

	@BeforeEach
	void startTwoNodes() {
		this.nodeA = startNode();
		this.nodeB = startNode();
	}

	@AfterEach
	void stopNodes() {
		this.nodes.forEach(ConfigurableApplicationContext::close);
		this.store.close();
	}

	private ConfigurableApplicationContext startNode() {
		Map<String, Object> properties = new HashMap<>(this.store.clusterProperties());
		properties.put("server.port", 0);
		String[] arguments = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext node = new SpringApplicationBuilder(FyrenApplication.class).run(arguments);
		this.nodes.add(node);
		return node;
	}

	private static FyrenClients clientsOf(ConfigurableApplicationContext node) {
		return new FyrenClients(((WebServerApplicationContext) node).getWebServer().getPort());
	}

	@Test
	void aChatCarriesOnWhenTheVisitorsNodeDiesAndEveryMessageArrivesOnceOnEachSide() {
		FyrenClients onA = clientsOf(this.nodeA);
		FyrenClients onB = clientsOf(this.nodeB);
		String secret = "canary-words-Kiruna-0731234567";
		try (StompParticipant anna = onB.staff("anna", "fyren-demo")) {
			Visitor visitor = onA.visitor();
			String chatId = ChatFlow.startChat(visitor, anna, "sells-sex");
			for (int i = 1; i <= 3; i++) {
				visitor.stomp().send("/app/visitor/message", json("id", "v-" + i, "text", secret + " v" + i));
				anna.send("/app/counsellor/message", json("chatId", chatId, "id", "c-" + i, "text", "answer " + i));
			}
			await().until(() -> visitor.stomp().events("message").size() == 6 && anna.events("message").size() == 6);

			this.nodeA.close();
			for (int i = 4; i <= 5; i++) {
				anna.send("/app/counsellor/message", json("chatId", chatId, "id", "c-" + i, "text", "still there? " + i));
			}
			await().until(() -> anna.events("message").size() == 8);

			long lastSeen = visitor.stomp()
				.events("message")
				.stream()
				.mapToLong((event) -> ((Number) event.get("seq")).longValue())
				.max()
				.orElseThrow();
			try (StompParticipant resumed = onB.resume(visitor.token(), lastSeen)) {
				assertThat(resumed.awaitEvent("state")).containsEntry("status", "CHATTING").containsEntry("chatId", chatId);
				resumed.send("/app/visitor/message", json("id", "v-4", "text", secret + " back"));
				anna.awaitEvent("message", (e) -> "v-4".equals(e.get("id")));
				resumed.awaitEvent("message", (e) -> "v-4".equals(e.get("id")));

				List<Object> visitorSaw = new ArrayList<>();
				visitor.stomp().events("message").forEach((e) -> visitorSaw.add(e.get("id")));
				resumed.events("message").forEach((e) -> visitorSaw.add(e.get("id")));
				assertThat(visitorSaw).containsExactlyInAnyOrder("v-1", "v-2", "v-3", "c-1", "c-2", "c-3", "c-4", "c-5",
						"v-4");
				assertThat(anna.events("message")).extracting((e) -> e.get("id"))
					.containsExactlyInAnyOrder("v-1", "v-2", "v-3", "c-1", "c-2", "c-3", "c-4", "c-5", "v-4");

				// A transfer note is counsellors' free text about the visitor: it is sealed at rest too.
				try (StompParticipant dragan = onB.staff("dragan", "fyren-demo")) {
					dragan.send("/app/counsellor/duty", json("onDuty", true));
					dragan.awaitEvent("duty", (e) -> Boolean.TRUE.equals(e.get("onDuty")));
					anna.send("/app/counsellor/transfer",
							json("chatId", chatId, "toCounsellor", "dragan", "note", secret + " note"));
					assertThat(dragan.awaitEvent("chat-assigned")).containsEntry("note", secret + " note");
					dragan.send("/app/counsellor/end", json("chatId", chatId));
					resumed.awaitEvent("ended");
					dragan.send("/app/counsellor/duty", json("onDuty", false));
					dragan.awaitEvent("duty", (e) -> Boolean.FALSE.equals(e.get("onDuty")));
				}
			}
			assertThat(anna.errors()).isEmpty();
			assertRedisHoldsNothingReadable(visitor.token(), secret);
		}
	}

	private void assertRedisHoldsNothingReadable(String token, String secret) {
		List<String> keys = this.store.keys();
		assertThat(keys).isNotEmpty();
		for (String key : keys) {
			assertThat(this.store.template().getExpire(key)).as("TTL of %s", key).isPositive();
			String value = this.store.valueOf(key);
			assertThat(key + " " + value).as("key %s", key)
				.doesNotContain(token)
				.doesNotContain("canary")
				.doesNotContain("Kiruna")
				.doesNotContain("0731234567")
				.doesNotContain("still there")
				.doesNotContain("127.0.0.1")
				.doesNotContain("0:0:0:0:0:0:0:1");
		}
	}

	@Test
	void aStaffLoginOnOneNodeIsValidOnTheOther() {
		WebSocketHttpHeaders loggedInOnA = new WebSocketHttpHeaders();
		String cookie = clientsOf(this.nodeA).login("anna", "fyren-demo");
		loggedInOnA.add("Cookie", cookie);
		// The console sends the session's CSRF token in CONNECT; node B knows it from the shared session.
		assertThat(clientsOf(this.nodeB).refusal("/ws/staff", loggedInOnA, clientsOf(this.nodeA).staffConnectHeaders(cookie)))
			.isNull();
		assertThat(this.store.keys()).anyMatch((key) -> key.contains("staff-session"));
	}

	/** What a manual take does once routing has allowed it: claim the first waiting chat that is still free. */
	private static Chat takeFirst(Reception reception, String counsellor) {
		for (Chat waiting : reception.waitingChats("youth")) {
			Optional<Chat> taken = reception.claim(waiting, counsellor, counsellor);
			if (taken.isPresent()) {
				return taken.get();
			}
		}
		throw new FyrenException(ErrorCode.QUEUE_EMPTY, "Nobody is waiting");
	}

	@Test
	void counsellorsOnTwoNodesTakingAtOnceNeverGetTheSameChat() throws InterruptedException {
		Reception receptionA = this.nodeA.getBean(Reception.class);
		Reception receptionB = this.nodeB.getBean(Reception.class);
		List<String> joined = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			joined.add(((i % 2 == 0) ? receptionA : receptionB).join("visitor-" + i, "youth", null, null).id());
		}
		Map<String, String> takenBy = new ConcurrentHashMap<>();
		List<String> doubles = new CopyOnWriteArrayList<>();
		ExecutorService counsellors = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		for (int c = 0; c < 8; c++) {
			String name = "counsellor-" + c;
			Reception reception = (c % 2 == 0) ? receptionA : receptionB;
			counsellors.submit(() -> {
				start.await();
				while (true) {
					Chat chat;
					try {
						chat = takeFirst(reception, name);
					}
					catch (FyrenException ex) {
						return ex.code();
					}
					if (takenBy.putIfAbsent(chat.id(), name) != null) {
						doubles.add(chat.id());
					}
				}
			});
		}
		start.countDown();
		counsellors.shutdown();
		assertThat(counsellors.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

		assertThat(doubles).isEmpty();
		assertThat(takenBy.keySet()).containsExactlyInAnyOrderElementsOf(joined);
		ChatStore chats = this.nodeB.getBean(ChatStore.class);
		Set<String> counsellorsWhoTook = Set.copyOf(takenBy.values());
		assertThat(counsellorsWhoTook).hasSizeGreaterThan(1);
		takenBy.forEach((chatId, counsellor) -> assertThat(chats.find(chatId).orElseThrow().counsellor())
			.isEqualTo(counsellor));
	}

}
