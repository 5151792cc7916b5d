package se.fyren.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.web.socket.WebSocketHttpHeaders;

import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * Who may connect where, and who may see which chat.
 */
class EndpointAccessTests extends RunningFyren {

	@Test
	void staffEndpointRefusesAnUnauthenticatedConnection() {
		assertThat(this.clients.refusal("/ws/staff", new WebSocketHttpHeaders(), new StompHeaders()))
			.startsWith("HANDSHAKE:")
			.contains("401");
	}

	@Test
	void staffEndpointRefusesAVisitorToken() {
		StompHeaders connect = new StompHeaders();
		connect.add("visitor-token", this.clients.newVisitorToken());
		assertThat(this.clients.refusal("/ws/staff", new WebSocketHttpHeaders(), connect)).contains("401");
	}

	@Test
	void onlyTheWidgetsChatFrameMayBeFramedAndOnlyByAllowedSites() throws Exception {
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		java.net.http.HttpResponse<Void> widget = http.send(
				java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.clients.url("/widget/chat.html"))).build(),
				java.net.http.HttpResponse.BodyHandlers.discarding());
		assertThat(widget.headers().firstValue("Content-Security-Policy")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("frame-ancestors 'self'");
		assertThat(widget.headers().firstValue("X-Frame-Options")).isEmpty();
		java.net.http.HttpResponse<Void> login = http.send(
				java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.clients.url("/login"))).build(),
				java.net.http.HttpResponse.BodyHandlers.discarding());
		assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
	}

	@Test
	void afterLogoutTheLoginPageSaysSo() throws Exception {
		java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.clients.url("/login?logout"))).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).containsIgnoringCase("signed out");
	}

	@Test
	void wrongPasswordDoesNotLogIn() {
		assertThatIllegalStateException().isThrownBy(() -> this.clients.login("anna", "wrong"));
	}

	@Test
	void visitorEndpointRefusesMissingOrUnknownTokens() {
		assertThat(this.clients.refusal("/ws/visitor", new WebSocketHttpHeaders(), new StompHeaders()))
			.isEqualTo("MISSING_VISITOR_TOKEN");
		StompHeaders forged = new StompHeaders();
		forged.add("visitor-token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
		assertThat(this.clients.refusal("/ws/visitor", new WebSocketHttpHeaders(), forged))
			.isEqualTo("UNKNOWN_VISITOR_TOKEN");
	}

	@Test
	void visitorTokensAreLongAndUnique() {
		String first = this.clients.newVisitorToken();
		String second = this.clients.newVisitorToken();
		assertThat(first).hasSize(43).isNotEqualTo(second).matches("[A-Za-z0-9_-]+");
	}

	@Test
	void aVisitorCannotReadOrWriteAnotherVisitorsChat() {
		try (Visitor victim = this.clients.visitor(); Visitor intruder = this.clients.visitor();
				StompParticipant bo = this.clients.staff("bo", "fyren-demo");
				StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			bo.send("/app/counsellor/duty", json("onDuty", true));
			bo.awaitEvent("duty", (e) -> Boolean.TRUE.equals(e.get("onDuty")));
			victim.stomp().send("/app/visitor/join", json("queue", "buys-sex"));
			victim.stomp().awaitEvent("position");
			bo.send("/app/counsellor/take", json("queue", "buys-sex"));
			String chatId = (String) victim.stomp().awaitEvent("chat-started").get("chatId");

			// The intruder knows the chat id and tries every way in.
			intruder.stomp().send("/app/counsellor/message", json("chatId", chatId, "id", "x", "text", "boo"));
			assertThat(intruder.stomp().awaitError(1)).isEqualTo("FORBIDDEN");
			intruder.stomp().subscribeRaw("/user/" + victimName(victim) + "/queue/events");
			assertThat(intruder.stomp().awaitError(2)).isEqualTo("UNKNOWN_DESTINATION");
			intruder.stomp().send("/app/visitor/message", json("id", "x", "text", "boo"));
			assertThat(intruder.stomp().awaitError(3)).isEqualTo("NOT_IN_CHAT");
			// Another counsellor cannot write into it either.
			anna.send("/app/counsellor/message", json("chatId", chatId, "id", "x", "text", "hi"));
			assertThat(anna.awaitError(1)).isEqualTo("NOT_A_PARTICIPANT");

			victim.stomp().send("/app/visitor/message", json("id", "private", "text", "only for bo"));
			bo.awaitEvent("message", (e) -> "private".equals(e.get("id")));
			await().until(() -> victim.stomp().events("message").size() == 1);
			List<Map<String, Object>> seenByIntruder = intruder.stomp().events("message");
			assertThat(seenByIntruder).isEmpty();
			assertThat(anna.events("message")).isEmpty();
			assertThat(bo.events("message")).extracting((e) -> e.get("id")).containsExactly("private");
		}
	}

	private static String victimName(Visitor victim) {
		return "visitor:" + victim.token();
	}

}
