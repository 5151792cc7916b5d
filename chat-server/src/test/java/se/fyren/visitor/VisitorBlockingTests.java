package se.fyren.visitor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import se.fyren.audit.AuditAction;
import se.fyren.audit.AuditEntry;
import se.fyren.audit.AuditLog;
import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.ClockAtMondayMorning;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.MutableClock;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * A counsellor blocks an abusive visitor's session: the chat ends, that
 * session cannot join again until the block runs out, and everyone else goes
 * on as before.
 */
@Import(ClockAtMondayMorning.class)
class VisitorBlockingTests extends RunningFyren {

	private static final String PASSWORD = "fyren-demo";

	@Autowired
	MutableClock clock;

	@Autowired
	AuditLog auditLog;

	@Test
	void aBlockedSessionCannotJoinUntilTheBlockRunsOut() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", PASSWORD)) {
			String chatId = ChatFlow.startChat(visitor, anna, "sells-sex");
			anna.send("/app/counsellor/block", json("chatId", chatId, "seconds", 1800));
			assertThat(anna.awaitError(1)).isEqualTo("INVALID_PAYLOAD");
			anna.send("/app/counsellor/block", json("chatId", chatId, "seconds", 3600));
			visitor.stomp().awaitEvent("ended", (e) -> chatId.equals(e.get("chatId")));
			assertThat(this.auditLog.latest(1000)).filteredOn((entry) -> chatId.equals(entry.chatId()))
				.extracting(AuditEntry::staff, AuditEntry::action)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("anna", AuditAction.BLOCK),
						org.assertj.core.groups.Tuple.tuple("anna", AuditAction.TAKE_CHAT));

			visitor.stomp().send("/app/visitor/join", json("queue", "sells-sex"));
			assertThat(visitor.stomp().awaitError(1)).isEqualTo("VISITOR_BLOCKED");
			Map<String, Object> refusal = visitor.stomp().errors().get(0);
			assertThat(((Number) refusal.get("retryAfterSeconds")).longValue()).isEqualTo(3600);
			assertThat(visitor.stomp().connected()).isTrue();

			try (Visitor someoneElse = this.clients.visitor()) {
				someoneElse.stomp().send("/app/visitor/join", json("queue", "sells-sex"));
				someoneElse.stomp().awaitEvent("position");
				someoneElse.stomp().send("/app/visitor/leave", json());
				assertThat(someoneElse.stomp().errors()).isEmpty();
			}

			this.clock.advance(Duration.ofMinutes(59));
			visitor.stomp().send("/app/visitor/join", json("queue", "sells-sex"));
			assertThat(visitor.stomp().awaitError(2)).isEqualTo("VISITOR_BLOCKED");
			this.clock.advance(Duration.ofMinutes(1));
			visitor.stomp().send("/app/visitor/join", json("queue", "sells-sex"));
			visitor.stomp().awaitEvent("position");
			visitor.stomp().send("/app/visitor/leave", json());
			offDuty(anna);
		}
	}

	@Test
	void onlyTheCounsellorHoldingTheChatCanBlock() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", PASSWORD);
				StompParticipant bo = this.clients.staff("bo", PASSWORD)) {
			String chatId = ChatFlow.startChat(visitor, anna, "sells-sex");
			bo.send("/app/counsellor/block", json("chatId", chatId, "seconds", 3600));
			assertThat(bo.awaitError(1)).isEqualTo("NOT_A_PARTICIPANT");
			anna.send("/app/counsellor/end", json("chatId", chatId));
			visitor.stomp().awaitEvent("ended");
			assertThat(this.auditLog.latest(1000)).filteredOn((entry) -> chatId.equals(entry.chatId()))
				.extracting(AuditEntry::action)
				.doesNotContain(AuditAction.BLOCK);
			visitor.stomp().send("/app/visitor/join", json("queue", "sells-sex"));
			visitor.stomp().awaitEvent("position");
			visitor.stomp().send("/app/visitor/leave", json());
			offDuty(anna);
		}
	}

	@Test
	void theConsoleIsOfferedTheConfiguredDurations() throws Exception {
		String cookie = this.clients.login("anna", PASSWORD);
		HttpResponse<String> choices = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.clients.url("/api/staff/block-durations")))
				.header("Cookie", cookie)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(choices.statusCode()).isEqualTo(200);
		assertThat(choices.body()).isEqualTo("[3600,86400]");
	}

	private static void offDuty(StompParticipant counsellor) {
		counsellor.send("/app/counsellor/duty", json("onDuty", false));
		counsellor.awaitEvent("duty", (e) -> Boolean.FALSE.equals(e.get("onDuty")));
	}

}
