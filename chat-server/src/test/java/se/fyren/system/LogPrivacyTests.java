package se.fyren.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.web.socket.WebSocketHttpHeaders;

import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.RawWebSocket;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * Reads everything the server logged during a whole chat, with bad input and
 * refused connections on the way, and finds no token and no message text.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTests extends RunningFyren {

	private static final String SECRET_TEXT = "canary-text-Malmo-0701234567";

	@Test
	void aFullChatLogsNoTokenAndNoMessageText(CapturedOutput output) {
		FyrenClients clients = this.clients;
		String token;
		try (Visitor visitor = clients.visitor(); StompParticipant anna = clients.staff("anna", "fyren-demo")) {
			token = visitor.token();
			anna.send("/app/counsellor/duty", json("onDuty", true));
			visitor.stomp().send("/app/visitor/join", json("queue", "sells-sex"));
			visitor.stomp().awaitEvent("position");
			anna.send("/app/counsellor/take", json("queue", "sells-sex"));
			String chatId = (String) visitor.stomp().awaitEvent("chat-started").get("chatId");
			visitor.stomp().send("/app/visitor/message", json("id", "m1", "text", SECRET_TEXT));
			anna.awaitEvent("message");
			visitor.stomp().sendRaw("/app/visitor/message", "{\"id\":\"m2\",\"text\":\"" + SECRET_TEXT);
			visitor.stomp().awaitError(1);
			visitor.stomp().send("/app/visitor/message", json("id", "m3", "text", SECRET_TEXT.repeat(500)));
			visitor.stomp().awaitError(2);
			anna.send("/app/counsellor/end", json("chatId", chatId));
			visitor.stomp().awaitEvent("ended");
		}
		StompHeaders forged = new StompHeaders();
		forged.add("visitor-token", token + "x");
		assertThat(clients.refusal("/ws/visitor", new WebSocketHttpHeaders(), forged)).isEqualTo("UNKNOWN_VISITOR_TOKEN");

		assertThat(output.getAll()).contains("joined queue sells-sex")
			.doesNotContain(token)
			.doesNotContain(SECRET_TEXT)
			.doesNotContain("canary");
	}


	@Test
	void aRunFullOfAttacksLogsNoTokenAddressUserAgentOrText(CapturedOutput output) throws Exception {
		String attackerAddress = "198.51.100.99";
		String userAgent = "Mozilla/5.0 (canary-agent)";
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		for (int i = 0; i < 70; i++) {
			http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.clients.url("/api/visitor/sessions")))
				.header("X-Forwarded-For", attackerAddress)
				.header("User-Agent", userAgent)
				.POST(java.net.http.HttpRequest.BodyPublishers.noBody())
				.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
		}
		String token;
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			token = visitor.token();
			ChatFlow.startChat(visitor, anna, "sells-sex");
			visitor.stomp().send("/app/visitor/message", json("id", "x1", "text", "<script>" + SECRET_TEXT + "</script>"));
			anna.awaitEvent("message");
			visitor.stomp().send("/app/visitor/<%= " + SECRET_TEXT + " %>", json("text", SECRET_TEXT));
			visitor.stomp().awaitError(1);
			visitor.stomp().send("/app/counsellor/message", json("chatId", "x", "id", "x2", "text", SECRET_TEXT));
			visitor.stomp().awaitError(2);
			visitor.stomp().subscribeWithSelector("/user/queue/events", "T(java.lang.Runtime).getRuntime()");
			visitor.stomp().awaitError(3);
			// Ended, so Anna's next connection in this shared context does not get it replayed.
			visitor.stomp().send("/app/visitor/end", json());
			anna.awaitEvent("ended");
		}
		try (RawWebSocket socket = RawWebSocket.open(this.port, "/ws/visitor",
				java.util.Map.of("Origin", "https://evil.example", "User-Agent", userAgent))) {
			assertThat(socket.handshakeStatus()).isEqualTo(403);
		}
		try (RawWebSocket socket = RawWebSocket.open(this.port, "/ws/visitor", java.util.Map.of())) {
			socket.text("SEND\ndestination:/app/visitor/message\nvisitor-token:" + token + "\n\n" + SECRET_TEXT + "\0");
			socket.untilClosed();
		}
		try (RawWebSocket socket = RawWebSocket.open(this.port, "/ws/visitor", java.util.Map.of())) {
			socket.text(("GARBAGE " + token + " " + SECRET_TEXT).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			socket.untilClosed();
		}
		String cookie = this.clients.login("bo", "fyren-demo");
		WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
		handshake.add("Cookie", cookie);
		StompHeaders wrongCsrf = new StompHeaders();
		wrongCsrf.add("X-CSRF-TOKEN", token);
		assertThat(this.clients.refusal("/ws/staff", handshake, wrongCsrf)).isEqualTo("INVALID_CSRF_TOKEN");

		assertThat(output.getAll()).doesNotContain(token)
			.doesNotContain(cookie.substring("JSESSIONID=".length()))
			.doesNotContain(attackerAddress)
			.doesNotContain("canary")
			.doesNotContain("Mozilla")
			.doesNotContain("127.0.0.1");
	}

}
