package se.fyren.supervision;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * Who may see the dashboard and who may write where: counsellors never see the
 * dashboard nor another counsellor's chat, supervisors never write into a chat.
 */
// Its own context (shared with the other console tests), so chats left open here never reach the walking-skeleton tests.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "fyren.supervision.refresh-interval=2s")
class SupervisionAccessTests extends RunningFyren {

	@Test
	void counsellorCannotOpenTheDashboardPageOrItsHistory() throws Exception {
		String anna = this.clients.login("anna", "fyren-demo");
		assertThat(get("/console/dashboard.html", anna).statusCode()).isEqualTo(403);
		assertThat(get("/api/supervision/history?queue=youth&from=2026-03-01&to=2026-03-01", anna).statusCode())
			.isEqualTo(403);
		assertThat(get("/console/index.html", anna).statusCode()).isEqualTo(200);
	}

	@Test
	void supervisorOpensTheDashboardAndGetsEveryHourOfTheHistory() throws Exception {
		String sara = this.clients.login("sara", "fyren-demo");
		assertThat(get("/console/dashboard.html", sara).statusCode()).isEqualTo(200);
		String today = LocalDate.now().toString();
		HttpResponse<String> history = get("/api/supervision/history?queue=youth&from=" + today + "&to=" + today, sara);
		assertThat(history.statusCode()).isEqualTo(200);
		// 23 to 25 hours: a day with a daylight-saving change is shorter or longer.
		assertThat(history.body().split("\"hour\":").length - 1).isBetween(23, 25);
		assertThat(get("/api/supervision/history?queue=nope&from=" + today + "&to=" + today, sara).statusCode())
			.isEqualTo(404);
	}

	@Test
	void counsellorCannotWatchTheDashboard() {
		try (StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			anna.send("/app/supervisor/watch", Map.of());
			assertThat(anna.awaitError(1)).isEqualTo("FORBIDDEN");
			assertThat(anna.events("dashboard")).isEmpty();
		}
	}

	@Test
	void supervisorCannotWriteIntoAChat() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo");
				StompParticipant sara = this.clients.staff("sara", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, anna, "relatives");
			int before = sara.errors().size();
			sara.send("/app/counsellor/message", json("chatId", chatId, "id", "s1", "text", "hello"));
			sara.send("/app/counsellor/end", json("chatId", chatId));
			assertThat(sara.awaitError(before + 1)).isEqualTo("FORBIDDEN");
			assertThat(sara.awaitError(before + 2)).isEqualTo("FORBIDDEN");
			anna.send("/app/counsellor/message", json("chatId", chatId, "id", "a1", "text", "still here"));
			visitor.stomp().awaitEvent("message", (e) -> "a1".equals(e.get("id")));
			assertThat(visitor.stomp().events("message")).noneMatch((e) -> "s1".equals(e.get("id")));
			assertThat(visitor.stomp().events("ended")).isEmpty();
			anna.send("/app/counsellor/end", json("chatId", chatId));
			visitor.stomp().awaitEvent("ended");
		}
	}

	@Test
	void counsellorCannotWriteIntoAnotherCounsellorsChat() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant bo = this.clients.staff("bo", "fyren-demo");
				StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, bo, "buys-sex");
			anna.send("/app/counsellor/message", json("chatId", chatId, "id", "x1", "text", "not mine"));
			anna.send("/app/counsellor/end", json("chatId", chatId, "outcome", "support"));
			assertThat(anna.awaitError(1)).isEqualTo("NOT_A_PARTICIPANT");
			assertThat(anna.awaitError(2)).isEqualTo("NOT_A_PARTICIPANT");
			bo.send("/app/counsellor/message", json("chatId", chatId, "id", "b1", "text", "mine"));
			visitor.stomp().awaitEvent("message", (e) -> "b1".equals(e.get("id")));
			assertThat(visitor.stomp().events("message")).noneMatch((e) -> "x1".equals(e.get("id")));
			bo.send("/app/counsellor/end", json("chatId", chatId));
			visitor.stomp().awaitEvent("ended");
		}
	}

	private HttpResponse<String> get(String path, String cookie) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.clients.url(path))).header("Cookie", cookie).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
