package se.fyren.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * Each staff action that opens a chat or exports data leaves exactly one
 * audit entry, naming the staff member, the action and the chat, and nothing
 * the visitor wrote or is known by.
 */
class StaffActionAuditTests extends RunningFyren {

	private static final String PASSWORD = "fyren-demo";

	@Autowired
	AuditLog auditLog;

	@Test
	void takingAcceptingAndMonitoringAChatEachLeaveOneEntry() {
		try (Visitor taken = this.clients.visitor(); Visitor offered = this.clients.visitor();
				StompParticipant anna = this.clients.staff("anna", PASSWORD);
				StompParticipant dragan = this.clients.staff("dragan", PASSWORD);
				StompParticipant sara = this.clients.staff("sara", PASSWORD)) {
			String takenId = ChatFlow.startChat(taken, anna, "sells-sex");
			taken.stomp().send("/app/visitor/message", json("id", "v1", "text", "secret words"));
			anna.awaitEvent("message", (e) -> "v1".equals(e.get("id")));
			await().untilAsserted(() -> assertThat(entriesOf(takenId)).containsExactly(entry("anna", AuditAction.TAKE_CHAT)));

			dragan.send("/app/counsellor/duty", json("onDuty", true));
			dragan.awaitEvent("duty", (e) -> Boolean.TRUE.equals(e.get("onDuty")));
			offered.stomp().send("/app/visitor/join", json("queue", "sells-sex"));
			String offeredId = (String) dragan.awaitEvent("offer").get("chatId");
			dragan.send("/app/counsellor/accept", json("chatId", offeredId));
			offered.stomp().awaitEvent("chat-started", (e) -> offeredId.equals(e.get("chatId")));
			await().untilAsserted(() -> assertThat(entriesOf(offeredId)).containsExactly(entry("dragan", AuditAction.TAKE_CHAT)));

			sara.send("/app/supervisor/monitor", json("chatId", takenId));
			sara.awaitEvent("message", (e) -> "v1".equals(e.get("id")));
			await().untilAsserted(() -> assertThat(entriesOf(takenId)).containsExactly(
					entry("sara", AuditAction.MONITOR_CHAT), entry("anna", AuditAction.TAKE_CHAT)));
			sara.send("/app/supervisor/unmonitor", json("chatId", takenId));
			sara.awaitEvent("monitoring", (e) -> "STOPPED".equals(e.get("state")));

			assertThat(this.auditLog.latest(1000).toString()).doesNotContain("secret words")
				.doesNotContain(taken.token())
				.doesNotContain(offered.token())
				.doesNotContain("127.0.0.1");
			anna.send("/app/counsellor/end", json("chatId", takenId));
			dragan.send("/app/counsellor/end", json("chatId", offeredId));
			await().until(() -> entriesOf(takenId).size() == 3 && entriesOf(offeredId).size() == 2);
			for (StompParticipant counsellor : List.of(anna, dragan)) {
				counsellor.send("/app/counsellor/duty", json("onDuty", false));
				counsellor.awaitEvent("duty", (e) -> Boolean.FALSE.equals(e.get("onDuty")));
			}
		}
	}

	@Test
	void exportingStatisticsLeavesOneEntry() throws Exception {
		String cookie = this.clients.login("sara", PASSWORD);
		long before = exportsBy("sara");
		LocalDate today = LocalDate.now();
		HttpResponse<String> csv = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create(this.clients.url("/api/statistics/daily.csv?from=" + today.minusDays(1) + "&to=" + today)))
				.header("Cookie", cookie)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(exportsBy("sara")).isEqualTo(before + 1);
		assertThat(this.auditLog.latest(1).get(0)).satisfies((latest) -> {
			assertThat(latest.staff()).isEqualTo("sara");
			assertThat(latest.action()).isEqualTo(AuditAction.EXPORT);
			assertThat(latest.chatId()).isNull();
		});
	}

	private long exportsBy(String staff) {
		return this.auditLog.latest(InMemoryAuditLog.CAPACITY)
			.stream()
			.filter((e) -> e.staff().equals(staff) && e.action() == AuditAction.EXPORT)
			.count();
	}

	/** Who did what to the chat, newest first. */
	private List<String> entriesOf(String chatId) {
		return this.auditLog.latest(InMemoryAuditLog.CAPACITY)
			.stream()
			.filter((e) -> chatId.equals(e.chatId()))
			.map((e) -> entry(e.staff(), e.action()))
			.toList();
	}

	private static String entry(String staff, AuditAction action) {
		return staff + " " + action;
	}

}
