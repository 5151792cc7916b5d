package se.fyren.counsellor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;

import se.fyren.supervision.HourFigures;
import se.fyren.supervision.QueueStatistics;
import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * Ending a chat with an outcome category counts it in the statistics; an
 * unknown category is refused and the chat goes on. The console learns the
 * categories, replies and referral cards from the server.
 */
// Its own context (shared with the other console tests), so chats left open here never reach the walking-skeleton tests.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "fyren.supervision.refresh-interval=2s")
class ChatOutcomeTests extends RunningFyren {

	@Autowired
	QueueStatistics statistics;

	@Test
	void endingWithAConfiguredOutcomeCountsIt() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, anna, "youth");
			int before = referrals();
			anna.send("/app/counsellor/end", json("chatId", chatId, "outcome", "referral"));
			visitor.stomp().awaitEvent("ended");
			org.awaitility.Awaitility.await().until(() -> referrals() == before + 1);
		}
	}

	@Test
	void anUnknownOutcomeIsRefusedAndTheChatGoesOn() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, anna, "relatives");
			anna.send("/app/counsellor/end", json("chatId", chatId, "outcome", "<script>"));
			assertThat(anna.awaitError(1)).isEqualTo("INVALID_PAYLOAD");
			anna.send("/app/counsellor/message", json("chatId", chatId, "id", "m1", "text", "still open"));
			visitor.stomp().awaitEvent("message", (e) -> "m1".equals(e.get("id")));
			assertThat(visitor.stomp().events("ended")).isEmpty();
			anna.send("/app/counsellor/end", json("chatId", chatId, "outcome", "support"));
			visitor.stomp().awaitEvent("ended");
		}
	}

	@Test
	void consoleSettingsListOutcomesRepliesAndReferrals() throws Exception {
		String anna = this.clients.login("anna", "fyren-demo");
		HttpResponse<String> settings = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.clients.url("/api/staff/console"))).header("Cookie", anna).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(settings.statusCode()).isEqualTo(200);
		assertThat(settings.body()).contains("\"id\":\"referral\"", "\"id\":\"greeting\"", "\"id\":\"emergency\"",
				"\"id\":\"buyers-clinic\"", "112");
	}

	private int referrals() {
		Instant now = Instant.now();
		return this.statistics.hours("youth", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)))
			.stream()
			.map(HourFigures::outcomes)
			.mapToInt((outcomes) -> outcomes.getOrDefault("referral", 0))
			.sum();
	}

}
