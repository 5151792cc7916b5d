package se.fyren.statistics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.MutableClock;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * A scripted day gives exactly the expected table, with small cells
 * suppressed, and the table holds nothing but categories and numbers.
 */
@Import(StatisticsTests.Clocks.class)
class StatisticsTests extends RunningFyren {

	@Autowired
	MutableClock clock;

	@Test
	void aScriptedDayGivesExactlyTheExpectedTable() throws Exception {
		List<String> chatIds = new java.util.ArrayList<>();
		try (StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			anna.send("/app/counsellor/duty", json("onDuty", true));
			anna.awaitEvent("duty", (e) -> Boolean.TRUE.equals(e.get("onDuty")));
			for (int i = 0; i < 6; i++) {
				try (Visitor visitor = this.clients.visitor()) {
					String chatId = chat(anna, visitor, "sells-sex", "18-24", "sv", (i < 5) ? "woman" : null, "Göteborg");
					chatIds.add(chatId);
					if (i == 0) {
						// A referral card inserted and sent counts once, however often the frame is resent.
						for (int send = 0; send < 2; send++) {
							anna.send("/app/counsellor/message", json("chatId", chatId, "id", "referral-1", "text",
									"The clinic sees you without a referral.", "referral", "adults-clinic"));
						}
						anna.send("/app/counsellor/message",
								json("chatId", chatId, "id", "referral-2", "text", "Hello", "referral", "no-such-card"));
						assertThat(anna.awaitError(1)).isEqualTo("INVALID_PAYLOAD");
						visitor.stomp().send("/app/visitor/message", json("id", "m1", "text", "canary-statistics-text"));
						anna.awaitEvent("message", (e) -> chatId.equals(e.get("chatId")));
						anna.send("/app/counsellor/handover/propose",
								json("chatId", chatId, "unit", "adults-clinic", "excerptSeqs", List.of(1)));
						String proposalId = (String) visitor.stomp().awaitEvent("handover-proposed").get("proposalId");
						visitor.stomp().send("/app/visitor/handover/confirm", json("proposalId", proposalId));
						visitor.stomp().awaitEvent("handover-confirmed");
					}
					this.clock.advance(Duration.ofSeconds(600));
					anna.send("/app/counsellor/end", json("chatId", chatId, "outcome", (i == 0) ? "referral" : "support"));
					visitor.stomp().awaitEvent("ended");
					anna.awaitEvent("outcome-recorded", (e) -> chatId.equals(e.get("chatId")));
					if (i == 0) {
						// Only the first outcome of a chat counts.
						anna.send("/app/counsellor/outcome", json("chatId", chatId, "outcome", "support"));
						anna.awaitEvents("outcome-recorded", (e) -> chatId.equals(e.get("chatId")), 2);
					}
				}
			}
			try (Visitor visitor = this.clients.visitor()) {
				String chatId = chat(anna, visitor, "youth", "15-17", "th", "non-binary", "other");
				anna.send("/app/counsellor/outcome", json("chatId", chatId, "outcome", "support"));
				assertThat(anna.awaitError(2)).isEqualTo("INVALID_PAYLOAD");
				chatIds.add(chatId);
				anna.send("/app/counsellor/concern/draft", json("chatId", chatId, "disclosure", "canary-disclosure"));
				String reference = (String) anna.awaitEvent("concern-drafted").get("reference");
				String sara = this.clients.login("sara", "fyren-demo");
				assertThat(post(sara, "/api/concerns/" + reference + "/sign-off").statusCode()).isEqualTo(200);
				this.clock.advance(Duration.ofSeconds(300));
				visitor.stomp().send("/app/visitor/end", json());
				anna.awaitEvent("ended", (e) -> chatId.equals(e.get("chatId")));
				// The visitor left: the console asks the counsellor for the outcome afterwards.
				anna.send("/app/counsellor/outcome", json("chatId", chatId, "outcome", "no-such-outcome"));
				assertThat(anna.awaitError(3)).isEqualTo("INVALID_PAYLOAD");
				anna.send("/app/counsellor/outcome", json("chatId", chatId, "outcome", "concern-report"));
				anna.awaitEvent("outcome-recorded", (e) -> chatId.equals(e.get("chatId")));
			}
		}

		String sara = this.clients.login("sara", "fyren-demo");
		HttpResponse<String> csv = get(sara, "/api/statistics/daily.csv?from=2026-03-02&to=2026-03-02");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(csv.body()).isEqualTo("""
				day,queue,category,value,count,average_seconds
				2026-03-02,"sells-sex","age-band","18-24",6,
				2026-03-02,"sells-sex","chats","all",6,660
				2026-03-02,"sells-sex","gender","not-given",<5,
				2026-03-02,"sells-sex","gender","woman",5,
				2026-03-02,"sells-sex","handover","adults-clinic",<5,
				2026-03-02,"sells-sex","language","sv",6,
				2026-03-02,"sells-sex","municipality","Göteborg",6,
				2026-03-02,"sells-sex","outcome","referral",<5,
				2026-03-02,"sells-sex","outcome","support",5,
				2026-03-02,"sells-sex","referral","adults-clinic",<5,
				2026-03-02,"sells-sex","waited","answered",6,60
				2026-03-02,"youth","age-band","15-17",<5,
				2026-03-02,"youth","chats","all",<5,
				2026-03-02,"youth","gender","non-binary",<5,
				2026-03-02,"youth","language","th",<5,
				2026-03-02,"youth","municipality","other",<5,
				2026-03-02,"youth","outcome","concern-report",<5,
				2026-03-02,"youth","report-of-concern","issued",<5,
				2026-03-02,"youth","waited","answered",<5,
				""");
		for (String chatId : chatIds) {
			assertThat(csv.body()).doesNotContain(chatId);
		}
		assertThat(csv.body()).doesNotContain("canary");
		assertThat(get(this.clients.login("anna", "fyren-demo"), "/api/statistics/daily.csv?from=2026-03-02&to=2026-03-02")
			.statusCode()).isEqualTo(403);
	}

	private String chat(StompParticipant anna, Visitor visitor, String queue, String ageBand, String language,
			String gender, String municipality) {
		Map<String, Object> join = json("queue", queue, "ageBand", ageBand, "language", language, "municipality",
				municipality);
		if (gender != null) {
			join.put("gender", gender);
		}
		visitor.stomp().send("/app/visitor/join", join);
		visitor.stomp().awaitEvent("position");
		this.clock.advance(Duration.ofSeconds(60));
		anna.send("/app/counsellor/take", json("queue", queue));
		return (String) visitor.stomp().awaitEvent("chat-started").get("chatId");
	}

	private HttpResponse<String> get(String cookie, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.clients.url(path))).header("Cookie", cookie).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String cookie, String path) throws Exception {
		String me = get(cookie, "/api/staff/me").body();
		java.util.regex.Matcher csrf = java.util.regex.Pattern
			.compile("\"headerName\":\"([^\"]+)\",\"parameterName\":\"[^\"]+\",\"token\":\"([^\"]+)\"")
			.matcher(me);
		assertThat(csrf.find()).isTrue();
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.clients.url(path)))
				.header("Cookie", cookie)
				.header(csrf.group(1), csrf.group(2))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
		}

	}

}
