package se.fyren.letterbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import se.fyren.testsupport.ClockAtMondayMorning;
import se.fyren.testsupport.FyrenClients;
import se.fyren.testsupport.MutableClock;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * The letterbox round trip over real HTTP and STOMP: a visitor leaves a
 * letter, a counsellor of the group answers, the visitor reads the answer with
 * the pickup code, until it expires.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fyren.letterbox.retention=14d", "fyren.queue.definitions[0].id=sells-sex",
				"fyren.queue.definitions[0].side=EXPLOITED", "fyren.queue.definitions[0].letterbox=true",
				"fyren.queue.definitions[1].id=buys-sex", "fyren.queue.definitions[1].side=BUYERS",
				"fyren.queue.definitions[1].letterbox=true", "fyren.queue.definitions[2].id=youth",
				"fyren.queue.definitions[2].side=GENERAL", "fyren.queue.definitions[3].id=relatives",
				"fyren.queue.definitions[3].side=GENERAL" })
@Import(ClockAtMondayMorning.class)
class LetterboxTests {

	private static final Pattern CODE = Pattern.compile("\"pickupCode\":\"([A-Z2-7-]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	LetterboxDesk desk;

	FyrenClients clients;

	@BeforeEach
	void pointClientsAtTheServer() {
		this.clients = new FyrenClients(this.port);
	}

	@Test
	void aLetterIsAnsweredByTheGroupAndReadWithTheCode() throws Exception {
		HttpResponse<String> posted = post("{\"queue\":\"sells-sex\",\"text\":\"<b>Can you call me back?</b>\",\"language\":\"en\"}");
		assertThat(posted.statusCode()).isEqualTo(201);
		assertThat(posted.headers().firstValue("Cache-Control")).hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
		Matcher code = CODE.matcher(posted.body());
		assertThat(code.find()).isTrue();
		String pickupCode = code.group(1);

		HttpResponse<String> unanswered = get("/api/letterbox/" + pickupCode);
		assertThat(unanswered.statusCode()).isEqualTo(200);
		assertThat(unanswered.body()).contains("\"answered\":false").contains("\"answer\":null");

		try (StompParticipant anna = this.clients.staff("anna", "fyren-demo");
				StompParticipant bo = this.clients.staff("bo", "fyren-demo")) {
			anna.send("/app/counsellor/letterbox", json());
			Map<String, Object> letter = letters(anna.awaitEvent("letterbox")).get(0);
			assertThat(letter).containsEntry("text", "<b>Can you call me back?</b>").containsEntry("queue", "sells-sex");
			bo.send("/app/counsellor/letterbox", json());
			assertThat(letters(bo.awaitEvent("letterbox"))).isEmpty();
			bo.send("/app/counsellor/letterbox-answer", json("id", letter.get("id"), "text", "No"));
			assertThat(bo.awaitError(1)).isEqualTo("UNKNOWN_LETTER");

			anna.send("/app/counsellor/letterbox-answer", json("id", letter.get("id"), "text", "Write to us here any time."));
			anna.awaitEvent("letterbox", (e) -> letters(e).isEmpty());
			anna.send("/app/counsellor/letterbox-answer", json("id", letter.get("id"), "text", "Again"));
			assertThat(anna.awaitError(1)).isEqualTo("INVALID_PAYLOAD");
		}

		HttpResponse<String> answered = get("/api/letterbox/" + pickupCode.toLowerCase());
		assertThat(answered.body()).contains("\"answered\":true")
			.contains("\"answer\":\"Write to us here any time.\"")
			.contains("\"answeredAt\":\"2026-03-02T09:00:00Z\"")
			.doesNotContain("anna");

		this.clock.advance(Duration.ofDays(15));
		this.desk.purgeExpired();
		HttpResponse<String> expired = get("/api/letterbox/" + pickupCode);
		assertThat(expired.statusCode()).isEqualTo(404);
		assertThat(expired.body()).contains("\"code\":\"UNKNOWN_PICKUP_CODE\"");
	}

	@Test
	void badLettersAndUnknownCodesGetStableCodes() throws Exception {
		assertThat(post("{\"queue\":\"nowhere\",\"text\":\"hi\"}").body()).contains("UNKNOWN_QUEUE");
		HttpResponse<String> closed = post("{\"queue\":\"youth\",\"text\":\"hi\"}");
		assertThat(closed.statusCode()).isEqualTo(409);
		assertThat(closed.body()).contains("LETTERBOX_UNAVAILABLE");
		assertThat(post("{\"queue\":\"sells-sex\",\"text\":\"  \"}").body()).contains("INVALID_PAYLOAD");
		assertThat(post("{\"queue\":\"sells-sex\",\"text\":").body()).contains("INVALID_PAYLOAD");
		HttpResponse<String> tooLong = post("{\"queue\":\"sells-sex\",\"text\":\"" + "x".repeat(4001) + "\"}");
		assertThat(tooLong.statusCode()).isEqualTo(413);
		assertThat(tooLong.body()).contains("MESSAGE_TOO_LONG");
		HttpResponse<String> guessed = get("/api/letterbox/AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA");
		assertThat(guessed.statusCode()).isEqualTo(404);
		assertThat(guessed.body()).contains("UNKNOWN_PICKUP_CODE");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> letters(Map<String, Object> event) {
		return (List<Map<String, Object>>) event.get("letters");
	}

	private HttpResponse<String> post(String body) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.clients.url("/api/letterbox")))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.clients.url(path))).build(), HttpResponse.BodyHandlers.ofString());
	}

}
