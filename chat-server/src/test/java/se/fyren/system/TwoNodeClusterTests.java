package se.fyren.system;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.web.socket.WebSocketHttpHeaders;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.queue.Reception;
import se.fyren.staff.StaffDirectory;
import se.fyren.staff.StaffProperties.Account;
import se.fyren.staff.StaffRole;
import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.FyrenNode;
import se.fyren.testsupport.FyrenNodes;
import se.fyren.testsupport.RawWebSocket;
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

	@RegisterExtension
	final FyrenNodes nodes = new FyrenNodes();

	private FyrenNode nodeA;

	private FyrenNode nodeB;

	@BeforeEach
	void startTwoNodes() {
		this.nodeA = this.nodes.start();
		this.nodeB = this.nodes.start();
	}

	@Test
	void aChatCarriesOnWhenTheVisitorsNodeDiesAndEveryMessageArrivesOnceOnEachSide() {
		FyrenClients onA = this.nodeA.clients();
		FyrenClients onB = this.nodeB.clients();
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

	@Test
	void aStoppedNodeSendsItsClientsToTheOtherAndTheCounsellorKeepsTheirChat() {
		FyrenClients onA = this.nodeA.clients();
		FyrenClients onB = this.nodeB.clients();
		String cookie = onB.login("anna", "fyren-demo");
		StompParticipant anna = onB.staffWithCookie(cookie);
		Visitor visitor = onA.visitor();
		String chatId = ChatFlow.startChat(visitor, anna, "sells-sex");
		visitor.stomp().send("/app/visitor/message", json("id", "v-1", "text", "before"));
		anna.send("/app/counsellor/message", json("chatId", chatId, "id", "c-1", "text", "before"));
		await().until(() -> anna.events("message").size() == 2 && visitor.stomp().events("message").size() == 2);
		int portB = this.nodeB.port();
		RawWebSocket bystander = RawWebSocket.open(portB, "/ws/visitor", Map.of()).timeout(30_000);
		MeterRegistry metricsB = this.nodeB.getBean(MeterRegistry.class);
		await().until(() -> metricsB.get("fyren.websocket.sessions").tag("endpoint", "visitor").gauge().value() == 1
				&& metricsB.get("fyren.websocket.sessions").tag("endpoint", "staff").gauge().value() == 1);

		// What SIGTERM does: close the context, while its clients are connected.
		this.nodeB.close();
		assertThat(bystander.untilClosed()).endsWith("CLOSE:1012\u0001");
		await().until(() -> !anna.connected());
		visitor.stomp().send("/app/visitor/message", json("id", "v-2", "text", "while the counsellor moves"));
		await().until(() -> visitor.stomp().events("message").size() == 3);
		assertThat(this.nodeA.getBean(ChatStore.class).find(chatId).orElseThrow())
			.satisfies((chat) -> assertThat(chat.status()).isEqualTo(Chat.Status.ACTIVE))
			.satisfies((chat) -> assertThat(chat.counsellor()).isEqualTo("anna"));

		long annaSaw = anna.events("message")
			.stream()
			.mapToLong((event) -> ((Number) event.get("seq")).longValue())
			.max()
			.orElseThrow();
		try (StompParticipant annaOnA = onA.resumeStaff(cookie, Map.of(chatId, annaSaw))) {
			annaOnA.awaitEvent("chat-assigned", (e) -> chatId.equals(e.get("chatId")));
			annaOnA.send("/app/counsellor/message", json("chatId", chatId, "id", "c-2", "text", "back"));
			visitor.stomp().send("/app/visitor/message", json("id", "v-3", "text", "after"));
			await().until(() -> annaOnA.events("message").size() == 3 && visitor.stomp().events("message").size() == 5);

			List<Object> annaSawIds = new ArrayList<>();
			anna.events("message").forEach((e) -> annaSawIds.add(e.get("id")));
			annaOnA.events("message").forEach((e) -> annaSawIds.add(e.get("id")));
			assertThat(annaSawIds).containsExactlyInAnyOrder("v-1", "c-1", "v-2", "c-2", "v-3");
			assertThat(visitor.stomp().events("message")).extracting((e) -> e.get("id"))
				.containsExactlyInAnyOrder("v-1", "c-1", "v-2", "c-2", "v-3");
			assertThat(visitor.stomp().events("transferred")).isEmpty();
			assertThat(annaOnA.errors()).isEmpty();
			assertThat(anna.errors()).isEmpty();

			annaOnA.send("/app/counsellor/end", json("chatId", chatId));
			visitor.stomp().awaitEvent("ended");
			annaOnA.send("/app/counsellor/duty", json("onDuty", false));
			annaOnA.awaitEvent("duty", (e) -> Boolean.FALSE.equals(e.get("onDuty")));
		}
	}

	private void assertRedisHoldsNothingReadable(String token, String secret) {
		List<String> keys = this.nodes.store().keys();
		assertThat(keys).isNotEmpty();
		for (String key : keys) {
			// -2: gone since the scan (the dead node's sessions are reaped meanwhile); -1 would be no TTL.
			assertThat(this.nodes.store().template().getExpire(key)).as("TTL of %s", key).isNotEqualTo(-1L);
			String value = this.nodes.store().valueOf(key);
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
	void aSupervisorOnOneNodeMonitorsAChatHandledOnTheOther() {
		FyrenClients onA = this.nodeA.clients();
		FyrenClients onB = this.nodeB.clients();
		try (Visitor visitor = onB.visitor(); StompParticipant anna = onB.staff("anna", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, anna, "relatives");
			StompParticipant sara = onA.staff("sara", "fyren-demo");
			sara.send("/app/supervisor/monitor", json("chatId", chatId));
			assertThat(sara.awaitEvent("monitoring")).containsEntry("state", "FOLLOWING");
			anna.awaitEvent("monitored", (e) -> chatId.equals(e.get("chatId")) && Boolean.TRUE.equals(e.get("monitored")));

			visitor.stomp().send("/app/visitor/message", json("id", "v1", "text", "said on node B"));
			anna.send("/app/counsellor/message", json("chatId", chatId, "id", "c1", "text", "answered on node B"));
			sara.awaitEvent("message", (e) -> "v1".equals(e.get("id")));
			sara.awaitEvent("message", (e) -> "c1".equals(e.get("id")));

			sara.send("/app/supervisor/unmonitor", json("chatId", chatId));
			anna.awaitEvent("monitored", (e) -> chatId.equals(e.get("chatId")) && Boolean.FALSE.equals(e.get("monitored")));

			// Closing the supervisor's session on node A ends the monitoring for the counsellor on node B.
			sara.send("/app/supervisor/monitor", json("chatId", chatId));
			await().until(() -> anna.events("monitored").size() == 3);
			sara.close();
			await().until(() -> anna.events("monitored").size() == 4);
			assertThat(anna.events("monitored").get(3)).containsEntry("monitored", false);

			anna.send("/app/counsellor/end", json("chatId", chatId));
			visitor.stomp().awaitEvent("ended");
			assertThat(anna.errors()).isEmpty();
		}
	}

	@Test
	void aStaffLoginOnOneNodeIsValidOnTheOther() {
		WebSocketHttpHeaders loggedInOnA = new WebSocketHttpHeaders();
		String cookie = this.nodeA.clients().login("anna", "fyren-demo");
		loggedInOnA.add("Cookie", cookie);
		// The console sends the session's CSRF token in CONNECT; node B knows it from the shared session.
		assertThat(this.nodeB.clients().refusal("/ws/staff", loggedInOnA, this.nodeA.clients().staffConnectHeaders(cookie)))
			.isNull();
		assertThat(this.nodes.store().keys()).anyMatch((key) -> key.contains("staff-session"));
	}

	/**
	 * What Spring Security's OpenID Connect login leaves behind on node A,
	 * without an identity provider: the account from the provider's groups in
	 * the staff directory, and the authentication in the staff session.
	 */
	@Test
	void aStaffMemberSignedInThroughTheIdentityProviderOnOneNodeIsKnownOnTheOther() {
		Account kim = new Account("kim.k", null, "Kim", Set.of(StaffRole.COUNSELLOR), Set.of("youth"));
		assertThat(this.nodeA.getBean(StaffDirectory.class).rememberSignedIn(kim)).isTrue();
		Set<SimpleGrantedAuthority> authorities = Set.of(new SimpleGrantedAuthority("ROLE_COUNSELLOR"));
		OidcIdToken idToken = OidcIdToken.withTokenValue("not-a-real-id-token")
			.issuer("https://idp.exempelby.invalid")
			.subject("4711")
			.claim("preferred_username", "kim.k")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(300))
			.build();
		OAuth2AuthenticationToken authentication = new OAuth2AuthenticationToken(
				new DefaultOidcUser(authorities, idToken, "preferred_username"), authorities, "kommun");
		@SuppressWarnings("unchecked")
		SessionRepository<Session> sessionsOnA = this.nodeA.getBean(SessionRepository.class);
		Session session = sessionsOnA.createSession();
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
				new SecurityContextImpl(authentication));
		sessionsOnA.save(session);
		String cookie = "JSESSIONID="
				+ Base64.getEncoder().encodeToString(session.getId().getBytes(StandardCharsets.UTF_8));

		try (StompParticipant kimOnB = this.nodeB.clients().staffWithCookie(cookie)) {
			kimOnB.send("/app/counsellor/duty", json("onDuty", true));
			kimOnB.awaitEvent("duty", (e) -> Boolean.TRUE.equals(e.get("onDuty")));
			Visitor visitor = this.nodeB.clients().visitor();
			visitor.stomp().send("/app/visitor/join", json("queue", "youth"));
			String chatId = (String) kimOnB.awaitEvent("offer").get("chatId");
			kimOnB.send("/app/counsellor/accept", json("chatId", chatId));
			assertThat(visitor.stomp().awaitEvent("chat-started")).containsEntry("counsellor", "Kim");
			kimOnB.send("/app/counsellor/end", json("chatId", chatId));
			visitor.stomp().awaitEvent("ended");
			kimOnB.send("/app/counsellor/duty", json("onDuty", false));
			assertThat(kimOnB.errors()).isEmpty();
			visitor.close();
		}
	}

	@Test
	void aVisitorJoiningThroughTwoNodesAtTheSameInstantGetsOneChat() throws Exception {
		FyrenClients onA = this.nodeA.clients();
		FyrenClients onB = this.nodeB.clients();
		Reception reception = this.nodeB.getBean(Reception.class);
		ExecutorService senders = Executors.newFixedThreadPool(2);
		for (int round = 0; round < 5; round++) {
			try (Visitor onNodeA = onA.visitor(); StompParticipant onNodeB = onB.visitorWithToken(onNodeA.token())) {
				CountDownLatch start = new CountDownLatch(1);
				List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
				for (StompParticipant session : List.of(onNodeA.stomp(), onNodeB)) {
					sent.add(senders.submit(() -> {
						start.await();
						session.send("/app/visitor/join", json("queue", "youth"));
						return null;
					}));
				}
				start.countDown();
				for (java.util.concurrent.Future<?> done : sent) {
					done.get(10, TimeUnit.SECONDS);
				}
				await().until(() -> onNodeA.stomp().errors().size() + onNodeB.errors().size() >= 1);
				List<Object> codes = new ArrayList<>();
				onNodeA.stomp().errors().forEach((error) -> codes.add(error.get("code")));
				onNodeB.errors().forEach((error) -> codes.add(error.get("code")));
				assertThat(codes).containsExactly("ALREADY_JOINED");
				assertThat(reception.waitingChats("youth")).hasSize(1);

				onNodeB.send("/app/visitor/leave", json());
				await().until(() -> reception.waitingChats("youth").isEmpty());
			}
		}
		senders.shutdown();
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
