package se.fyren.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.MessageBuilder;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.conversation.Conversations;
import se.fyren.conversation.Party;
import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.ProtocolDocument;
import se.fyren.testsupport.ProtocolDocument.Destination;
import se.fyren.testsupport.RawWebSocket;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * Every documented destination against every kind of identity, over real
 * connections. Each case gets a fresh victim chat (a visitor and the
 * counsellor Anna), tries the destination as the identity, aimed at the
 * victim's chat, and checks both the answer and that nothing reached the
 * victim. A destination added to the protocol document is tried
 * automatically; one without an expectation here or a rule in
 * {@link StompAccessRules} fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fyren.visitor.session-idle-timeout=2s", "fyren.retention.purge-interval=200ms",
				"fyren.rate-limit.budgets.connection-frames.capacity=100000",
				"fyren.rate-limit.budgets.queue-join.capacity=100000",
				"fyren.rate-limit.budgets.visitor-session.capacity=100000" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StompAuthorizationMatrixTests {

	/** Who tries. */
	enum Identity {

		/** No token, no login. */
		NONE,
		/** A visitor token that has been forgotten; a staff cookie after logout. */
		EXPIRED,
		/** A visitor with a chat of their own, not the victim's. */
		OTHER_CHATS_VISITOR,
		/** The victim visitor, in their own chat. */
		VISITOR,
		/** Anna, the victim chat's counsellor. */
		COUNSELLOR,
		/** Bo, a counsellor the chat is not assigned to. */
		OTHER_COUNSELLOR,
		/** Sara, who may watch but never write. */
		SUPERVISOR

	}

	enum Outcome {

		ALLOWED, REFUSED

	}

	private static final AtomicInteger cases = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	ChatStore chats;

	@Autowired
	Conversations conversations;

	FyrenClients clients;

	StompParticipant anna;

	StompParticipant bo;

	StompParticipant sara;

	String expiredToken;

	String expiredCookie;

	@BeforeAll
	void connectStaff() {
		this.clients = new FyrenClients(this.port);
		// Logging out ends all of Anna's sockets, so this comes before she connects.
		this.expiredCookie = this.clients.login("anna", "fyren-demo");
		logOut(this.expiredCookie);
		this.anna = this.clients.staff("anna", "fyren-demo");
		this.bo = this.clients.staff("bo", "fyren-demo");
		this.sara = this.clients.staff("sara", "fyren-demo");
		this.expiredToken = this.clients.newVisitorToken();
		// Each try counts as use, so try seldom: the session is forgotten after 2 s unused.
		await().pollDelay(Duration.ofSeconds(3))
			.pollInterval(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(20))
			.until(() -> "UNKNOWN_VISITOR_TOKEN".equals(refusalWithToken(this.expiredToken)));
	}

	/** Each case gives Anna two chats: end them, so her places (max-chats) are free for the next. */
	@AfterEach
	void endAnnasChats() {
		for (Chat chat : this.chats.activeOf("anna")) {
			this.conversations.end(chat.id(), Party.COUNSELLOR);
		}
	}

	@AfterAll
	void disconnect() {
		this.anna.close();
		this.bo.close();
		this.sara.close();
		// 7 identities over every documented destination: nothing was skipped.
		assertThat(cases.get()).isEqualTo(Identity.values().length * ProtocolDocument.read().destinations().size());
	}

	static Stream<Arguments> everyDestinationAgainstEveryIdentity() {
		List<Arguments> product = new ArrayList<>();
		for (Destination destination : ProtocolDocument.read().destinations()) {
			for (Identity identity : Identity.values()) {
				product.add(Arguments.of(destination, identity));
			}
		}
		return product.stream();
	}

	@ParameterizedTest(name = "{1} on {0}")
	@MethodSource("everyDestinationAgainstEveryIdentity")
	void onlyTheRightIdentityGetsThrough(Destination destination, Identity identity) {
		cases.incrementAndGet();
		Outcome expected = expected(destination, identity);
		try (Visitor victim = this.clients.visitor(); Visitor other = this.clients.visitor()) {
			String chatId = ChatFlow.startChat(victim, this.anna, "sells-sex");
			ChatFlow.startChat(other, this.anna, "youth");
			String marker = "m" + cases.get() + identity.ordinal();
			Map<String, Object> payload = json("chatId", chatId, "id", marker, "text", "matrix " + marker, "queue",
					"relatives", "onDuty", true, "typing", true, "afterSeq", 0);

			Outcome actual = switch (identity) {
				case NONE -> unauthenticated(destination, null, null);
				case EXPIRED -> unauthenticated(destination, this.expiredToken, this.expiredCookie);
				case OTHER_CHATS_VISITOR -> attempt(other.stomp(), destination, payload);
				case VISITOR -> attempt(victim.stomp(), destination, payload);
				case COUNSELLOR -> attempt(this.anna, destination, payload);
				case OTHER_COUNSELLOR -> attempt(this.bo, destination, payload);
				case SUPERVISOR -> attempt(this.sara, destination, payload);
			};
			assertThat(actual).as("%s on %s", identity, destination).isEqualTo(expected);

			// Internal notes are for staff: whoever wrote one, the visitor never gets it.
			assertThat(victim.stomp().events("note")).isEmpty();
			// Whatever was let through, nobody but the chat's own two wrote into the victim's chat.
			boolean mayWriteIntoVictimsChat = identity == Identity.VISITOR || identity == Identity.COUNSELLOR;
			if (!mayWriteIntoVictimsChat) {
				assertThat(victim.stomp().events("message")).extracting((e) -> e.get("id")).doesNotContain(marker);
				assertThat(victim.stomp().events("typing")).isEmpty();
				assertThat(victim.stomp().events("ended")).isEmpty();
			}
		}
	}

	/** What must happen, from the destination's documented shape; a new kind of destination fails here first. */
	private static Outcome expected(Destination destination, Identity identity) {
		if (identity == Identity.NONE || identity == Identity.EXPIRED) {
			return Outcome.REFUSED;
		}
		String address = destination.address();
		if (address.equals("/user/queue/events") || address.equals("/user/queue/errors")) {
			return Outcome.ALLOWED;
		}
		if (address.startsWith("/app/visitor/")) {
			return (identity == Identity.VISITOR || identity == Identity.OTHER_CHATS_VISITOR) ? Outcome.ALLOWED
					: Outcome.REFUSED;
		}
		if (address.startsWith("/app/supervisor/")) {
			// Supervisors watch and monitor (read-only); nobody else may.
			return (identity == Identity.SUPERVISOR) ? Outcome.ALLOWED : Outcome.REFUSED;
		}
		if (address.startsWith("/app/counsellor/")) {
			if (identity == Identity.COUNSELLOR) {
				return Outcome.ALLOWED;
			}
			// Another counsellor may act for themselves, never in someone else's chat.
			return (identity == Identity.OTHER_COUNSELLOR && !destination.namesAChat()) ? Outcome.ALLOWED
					: Outcome.REFUSED;
		}
		return fail("No expectation for %s: add it to the authorization matrix (and a rule to StompAccessRules)",
				address);
	}

	/**
	 * Sends the frame, then a probe that always fails with UNKNOWN_DESTINATION:
	 * frames of one session are handled in order, so every error before the
	 * probe's belongs to the frame.
	 */
	private static Outcome attempt(StompParticipant participant, Destination destination, Map<String, Object> payload) {
		int before = participant.errors().size();
		if (destination.isSend()) {
			participant.send(destination.address(), payload);
		}
		else {
			participant.subscribeRaw(destination.address());
		}
		participant.send("/app/matrix-probe", json());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> participant.errors()
				.stream()
				.skip(before)
				.anyMatch((error) -> "UNKNOWN_DESTINATION".equals(error.get("code"))));
		List<Object> codes = participant.errors().stream().skip(before).map((error) -> error.get("code")).toList();
		List<Object> own = codes.subList(0, codes.lastIndexOf("UNKNOWN_DESTINATION"));
		boolean refused = own.contains("FORBIDDEN") || own.contains("NOT_A_PARTICIPANT")
				|| own.contains("UNKNOWN_DESTINATION");
		assertThat(participant.connected()).isTrue();
		return refused ? Outcome.REFUSED : Outcome.ALLOWED;
	}

	/** No identity or an expired one: the connection itself is refused, and the frame goes nowhere. */
	private Outcome unauthenticated(Destination destination, String token, String cookie) {
		List<String> paths = destination.address().startsWith("/app/visitor/") ? List.of("/ws/visitor")
				: destination.address().startsWith("/app/") ? List.of("/ws/staff") : List.of("/ws/visitor", "/ws/staff");
		for (String path : paths) {
			Map<String, String> headers = (cookie != null) ? Map.of("Cookie", cookie) : Map.of();
			try (RawWebSocket socket = RawWebSocket.open(this.port, path, headers)) {
				if (socket.handshakeStatus() != 101) {
					assertThat(socket.handshakeStatus()).isEqualTo(401);
					continue;
				}
				socket.connect((token != null) ? new String[] { "visitor-token:" + token } : new String[0]);
				String frame = destination.isSend()
						? "SEND\ndestination:" + destination.address() + "\ncontent-type:application/json\n\n{}\0"
						: "SUBSCRIBE\nid:1\ndestination:" + destination.address() + "\n\n\0";
				socket.text(frame);
				String answer = socket.untilClosed();
				if (answer.contains("CONNECTED")) {
					return Outcome.ALLOWED;
				}
				assertThat(answer).startsWith("ERROR");
			}
		}
		return Outcome.REFUSED;
	}

	@Test
	void everyDocumentedDestinationHasARule() {
		for (Destination destination : ProtocolDocument.read().destinations()) {
			SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor
				.create(destination.isSend() ? SimpMessageType.MESSAGE : SimpMessageType.SUBSCRIBE);
			headers.setDestination(destination.address());
			assertThat(StompAccessRules.knows(MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders())))
				.as("a rule in StompAccessRules for %s", destination)
				.isTrue();
		}
	}

	@Test
	void brokerDestinationsAreNeverOpenToClients() {
		for (String address : new String[] { "/queue/events", "/queue/errors", "/user/queue/other",
				"/user/visitor:abc/queue/events", "/user/anna/queue/events", "/topic/anything", "/app", "/app/",
				"/app/visitor/../counsellor/message", "/app/counsellor/../../queue/events" }) {
			int before = this.anna.errors().size();
			this.anna.send(address, json("chatId", "x"));
			await().until(() -> this.anna.errors().size() > before);
			assertThat(this.anna.errors().get(before).get("code")).as(address)
				.isIn("UNKNOWN_DESTINATION", "FORBIDDEN");
		}
	}

	private String refusalWithToken(String token) {
		org.springframework.messaging.simp.stomp.StompHeaders connect = new org.springframework.messaging.simp.stomp.StompHeaders();
		connect.add("visitor-token", token);
		return this.clients.refusal("/ws/visitor", new org.springframework.web.socket.WebSocketHttpHeaders(), connect);
	}

	private void logOut(String cookie) {
		try {
			java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.clients.url("/logout")))
					.header("Cookie", cookie)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + this.clients.csrfToken(cookie)))
					.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
