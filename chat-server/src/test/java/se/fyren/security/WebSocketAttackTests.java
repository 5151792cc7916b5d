package se.fyren.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.web.socket.WebSocketHttpHeaders;

import se.fyren.testsupport.RawWebSocket;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The attacks on the WebSocket endpoints that do not need a chat: foreign
 * origins (cross-site WebSocket hijacking), a missing CSRF token on staff
 * CONNECT, frames before CONNECT, a second CONNECT, a socket that never
 * connects, and a console left open after logout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fyren.security.embedding-origins=https://www.exempelby.se", "fyren.transport.connect-timeout=2s" })
class WebSocketAttackTests extends RunningFyren {

	private static final String EMBEDDER = "https://www.exempelby.se";

	@Test
	void foreignOriginsAreRefusedOnBothEndpoints() {
		String cookie = this.clients.login("anna", "fyren-demo");
		for (String origin : new String[] { "https://evil.example", "https://www.exempelby.se.evil.example",
				"http://www.exempelby.se", "https://evil-www.exempelby.se", "null", "https://www.exempelby.se:8443" }) {
			assertThat(handshake("/ws/visitor", origin, null)).as(origin).isEqualTo(403);
			assertThat(handshake("/ws/staff", origin, cookie)).as(origin).isEqualTo(403);
		}
	}

	@Test
	void theEmbeddingSiteMayOpenOnlyTheVisitorEndpoint() {
		String cookie = this.clients.login("anna", "fyren-demo");
		assertThat(handshake("/ws/visitor", EMBEDDER, null)).isEqualTo(101);
		assertThat(handshake("/ws/staff", EMBEDDER, cookie)).isEqualTo(403);
	}

	@Test
	void fyrensOwnPagesMayOpenBothEndpoints() {
		String own = "http://localhost:" + this.port;
		String cookie = this.clients.login("anna", "fyren-demo");
		assertThat(handshake("/ws/visitor", own, null)).isEqualTo(101);
		assertThat(handshake("/ws/staff", own, cookie)).isEqualTo(101);
	}

	@Test
	void aVisitorHandshakeOpensNoHttpSession() {
		try (RawWebSocket socket = RawWebSocket.open(this.port, "/ws/visitor", Map.of())) {
			assertThat(socket.handshakeStatus()).isEqualTo(101);
			assertThat(socket.head()).doesNotContainIgnoringCase("Set-Cookie");
		}
	}

	@Test
	void staffConnectWithoutTheCsrfTokenIsRefused() {
		String cookie = this.clients.login("anna", "fyren-demo");
		WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
		handshake.add("Cookie", cookie);
		assertThat(this.clients.refusal("/ws/staff", handshake, new StompHeaders())).isEqualTo("INVALID_CSRF_TOKEN");
		StompHeaders wrong = new StompHeaders();
		wrong.add("X-CSRF-TOKEN", "not-the-token");
		assertThat(this.clients.refusal("/ws/staff", handshake, wrong)).isEqualTo("INVALID_CSRF_TOKEN");
		// Another session's token does not fit this session.
		StompHeaders foreign = this.clients.staffConnectHeaders(this.clients.login("bo", "fyren-demo"));
		assertThat(this.clients.refusal("/ws/staff", handshake, foreign)).isEqualTo("INVALID_CSRF_TOKEN");
		assertThat(this.clients.refusal("/ws/staff", handshake, this.clients.staffConnectHeaders(cookie))).isNull();
	}

	@Test
	void framesBeforeConnectCloseTheConnection() {
		String cookie = this.clients.login("anna", "fyren-demo");
		for (String path : new String[] { "/ws/visitor", "/ws/staff" }) {
			try (RawWebSocket socket = RawWebSocket.open(this.port, path, Map.of("Cookie", cookie))) {
				socket.text("SEND\ndestination:/app/counsellor/duty\ncontent-type:application/json\n\n{\"onDuty\":true}\0");
				assertRefusedAndClosed(socket.untilClosed(), path);
			}
			try (RawWebSocket socket = RawWebSocket.open(this.port, path, Map.of("Cookie", cookie))) {
				socket.text("SUBSCRIBE\nid:1\ndestination:/user/queue/events\n\n\0");
				assertRefusedAndClosed(socket.untilClosed(), path);
			}
		}
	}

	@Test
	void aSecondConnectCannotChangeWhoYouAre() {
		String first = this.clients.newVisitorToken();
		String second = this.clients.newVisitorToken();
		try (RawWebSocket socket = RawWebSocket.open(this.port, "/ws/visitor", Map.of())) {
			socket.connect("visitor-token:" + first);
			assertThat(socket.next()).startsWith("CONNECTED");
			socket.connect("visitor-token:" + second);
			String answer = socket.untilClosed();
			assertRefusedAndClosed(answer, "second CONNECT");
			assertThat(answer).doesNotContain("CONNECTED\n");
		}
	}

	@Test
	void aSocketThatNeverConnectsIsClosedWithinSeconds() {
		long start = System.nanoTime();
		try (RawWebSocket socket = RawWebSocket.open(this.port, "/ws/visitor", Map.of())) {
			assertThat(socket.handshakeStatus()).isEqualTo(101);
			assertThat(socket.untilClosed()).containsAnyOf("CLOSE:", "EOF");
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
	}

	@Test
	void loggingOutEndsTheStaffMembersWebSockets() throws Exception {
		String cookie = this.clients.login("anna", "fyren-demo");
		try (StompParticipant console = this.clients.staffWithCookie(cookie);
				StompParticipant bo = this.clients.staff("bo", "fyren-demo")) {
			String csrf = this.clients.csrfToken(cookie);
			HttpResponse<Void> logout = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(this.clients.url("/logout")))
					.header("Cookie", cookie)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf))
					.build(), HttpResponse.BodyHandlers.discarding());
			assertThat(logout.statusCode()).isEqualTo(302);
			await().atMost(Duration.ofSeconds(10)).until(() -> !console.connected());
			assertThat(bo.connected()).isTrue();
			// The old cookie opens nothing any more.
			assertThat(handshake("/ws/staff", null, cookie)).isEqualTo(401);
		}
	}

	/** Spring refuses these itself (MALFORMED_FRAME); Fyren's gate would say NOT_CONNECTED or ALREADY_CONNECTED. */
	private static void assertRefusedAndClosed(String answer, String what) {
		assertThat(answer).as(what).startsWith("ERROR\n").containsAnyOf("MALFORMED_FRAME", "NOT_CONNECTED", "ALREADY_CONNECTED");
		assertThat(answer).as(what).containsAnyOf("CLOSE:", "EOF");
	}

	private int handshake(String path, String origin, String cookie) {
		Map<String, String> headers = new java.util.HashMap<>();
		if (origin != null) {
			headers.put("Origin", origin);
		}
		if (cookie != null) {
			headers.put("Cookie", cookie);
		}
		try (RawWebSocket socket = RawWebSocket.open(this.port, path, headers)) {
			return socket.handshakeStatus();
		}
	}

}
