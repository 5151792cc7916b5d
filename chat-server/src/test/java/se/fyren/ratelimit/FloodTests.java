package se.fyren.ratelimit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;

import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * Flooders get their budget and no more, while a normal chat beside them
 * goes on as if nothing happened.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fyren.rate-limit.budgets.connection-frames.capacity=20",
				"fyren.rate-limit.budgets.chat-message.capacity=5",
				"fyren.rate-limit.budgets.queue-join.capacity=3",
				"fyren.rate-limit.budgets.visitor-session.capacity=5",
				"fyren.rate-limit.budgets.staff-login.capacity=1000",
				"fyren.rate-limit.budgets.staff-login-failure.capacity=3", "management.server.port=0" })
class FloodTests extends RunningFyren {

	private static final int FRAME_BUDGET = 20;

	@LocalManagementPort
	int managementPort;

	@Test
	void aFlooderGetsItsBudgetWhileAChatBesideItIsUnaffected() {
		try (Visitor flooder = this.clients.visitor(); Visitor visitor = this.clients.visitor();
				StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, anna, "sells-sex");
			int syncsBefore = flooder.stomp().events("state").size();
			// 100 times its budget; every accepted sync is answered with a state event.
			for (int i = 0; i < FRAME_BUDGET * 100; i++) {
				flooder.stomp().send("/app/visitor/sync", json());
				if (i % 200 == 0) {
					chatOnce(visitor, anna, chatId, i);
				}
			}
			chatOnce(visitor, anna, chatId, -1);
			await().until(() -> flooder.stomp().errors().stream().anyMatch((e) -> "RATE_LIMITED".equals(e.get("code"))));
			Map<String, Object> limited = flooder.stomp().errors()
				.stream()
				.filter((e) -> "RATE_LIMITED".equals(e.get("code")))
				.findFirst()
				.orElseThrow();
			assertThat(((Number) limited.get("retryAfterSeconds")).longValue()).isPositive();
			int answered = flooder.stomp().events("state").size() - syncsBefore;
			// CONNECT, two SUBSCRIBEs and the first sync came out of the same budget; the budget refills
			// by one every 3 s, so a slow run may earn a few more.
			assertThat(answered).isLessThanOrEqualTo(FRAME_BUDGET - 4 + 3);
			// Told once per wait, not once per dropped frame.
			assertThat(flooder.stomp().errors()).hasSizeLessThan(5);
			// Every dropped frame counts, not only those the flooder was told about.
			await().untilAsserted(() -> assertThat(refusals("connection_frames"))
				.isGreaterThanOrEqualTo(FRAME_BUDGET * 100 - FRAME_BUDGET - 3));
		}
	}

	private static void chatOnce(Visitor visitor, StompParticipant anna, String chatId, int round) {
		String id = "r" + (round + 1);
		anna.send("/app/counsellor/message", json("chatId", chatId, "id", "a" + id, "text", "hej"));
		visitor.stomp().awaitEvent("message", (e) -> ("a" + id).equals(e.get("id")));
		if (round % 1000 == 0 || round == -1) {
			visitor.stomp().send("/app/visitor/message", json("id", "v" + id, "text", "hej hej"));
			anna.awaitEvent("message", (e) -> ("v" + id).equals(e.get("id")));
		}
		assertThat(visitor.stomp().errors()).isEmpty();
		assertThat(anna.errors()).isEmpty();
	}

	@Test
	void visitorMessagesPerChatAndJoinsPerVisitorAreLimited() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			ChatFlow.startChat(visitor, anna, "relatives");
			for (int i = 0; i < 6; i++) {
				visitor.stomp().send("/app/visitor/message", json("id", "m" + i, "text", "hej"));
			}
			assertThat(visitor.stomp().awaitError(1)).isEqualTo("RATE_LIMITED");
			assertThat(anna.events("message")).hasSizeLessThanOrEqualTo(5);
		}
		try (Visitor joiner = this.clients.visitor()) {
			for (int i = 0; i < 4; i++) {
				joiner.stomp().send("/app/visitor/join", json("queue", "youth"));
				joiner.stomp().send("/app/visitor/leave", json());
			}
			await().until(() -> joiner.stomp().errors().stream().anyMatch((e) -> "RATE_LIMITED".equals(e.get("code"))));
		}
	}

	@Test
	void visitorSessionsPerAddressAreLimitedAndOtherAddressesGetIn() throws Exception {
		String flooder = "198.51.100.23";
		double refusedBefore = refusals("visitor_session");
		int created = 0;
		HttpResponse<String> last = null;
		for (int i = 0; i < 100; i++) {
			last = newSession(flooder);
			if (last.statusCode() == 201) {
				created++;
			}
		}
		assertThat(created).isBetween(5, 6);
		assertThat(last.statusCode()).isEqualTo(429);
		assertThat(last.headers().firstValue("Retry-After")).isPresent();
		assertThat(last.body()).contains("\"code\":\"RATE_LIMITED\"").contains("retryAfterSeconds");
		assertThat(newSession("198.51.100.24").statusCode()).isEqualTo(201);
		assertThat(refusals("visitor_session") - refusedBefore).isEqualTo(100 - created);
	}

	@Test
	void repeatedWrongPasswordsLockTheUsernameForAWhile() {
		double refusedBefore = refusals("staff_login_failure");
		for (int i = 0; i < 3; i++) {
			assertThat(loginStatus("bo", "wrong")).isEqualTo(302);
		}
		// Locked: even the right password is not tried now.
		assertThat(loginStatus("bo", "fyren-demo")).isEqualTo(429);
		// The wrong passwords were counted against the account, but only the locked-out try was refused.
		assertThat(refusals("staff_login_failure") - refusedBefore).isEqualTo(1);
		// Other staff are unaffected.
		assertThat(this.clients.login("sara", "fyren-demo")).startsWith("JSESSIONID=");
	}

	/** Refusals of one limit so far, as Prometheus scrapes them from the management port. */
	private double refusals(String limit) {
		try {
			String metrics = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + "/actuator/prometheus"))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher line = Pattern
				.compile("(?m)^fyren_rate_limited_total\\{[^}]*limit=\"" + limit + "\"[^}]*} (\\S+)$")
				.matcher(metrics);
			assertThat(line.find()).as("fyren_rate_limited_total for %s", limit).isTrue();
			return Double.parseDouble(line.group(1));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> newSession(String clientAddress) throws Exception {
		// The load balancer in front reports the client's address; Fyren trusts it from internal addresses.
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.clients.url("/api/visitor/sessions")))
				.header("X-Forwarded-For", clientAddress)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private int loginStatus(String username, String password) {
		try {
			java.net.CookieManager cookies = new java.net.CookieManager();
			HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
			String page = http.send(HttpRequest.newBuilder(URI.create(this.clients.url("/login"))).build(),
					HttpResponse.BodyHandlers.ofString())
				.body();
			java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
				.matcher(page);
			assertThat(csrf.find()).isTrue();
			return http.send(HttpRequest.newBuilder(URI.create(this.clients.url("/login")))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("username=" + username + "&password=" + password + "&_csrf=" + csrf.group(1)))
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
