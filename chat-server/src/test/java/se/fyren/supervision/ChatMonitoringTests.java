package se.fyren.supervision;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * Silent monitoring: a supervisor follows a live chat read-only, the
 * counsellor sees that they do, and the audit log records it without content.
 */
// Its own context (shared with the other console tests), so chats left open here never reach the walking-skeleton tests.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "fyren.supervision.refresh-interval=2s")
@ExtendWith(OutputCaptureExtension.class)
class ChatMonitoringTests extends RunningFyren {

	@Test
	void supervisorFollowsAChatReadOnlyAndTheCounsellorIsTold(CapturedOutput output) {
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo");
				StompParticipant sara = this.clients.staff("sara", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, anna, "relatives");
			visitor.stomp().send("/app/visitor/message", json("id", "v1", "text", "a private worry"));
			anna.awaitEvent("message", (e) -> "v1".equals(e.get("id")));

			sara.send("/app/supervisor/monitor", json("chatId", chatId));
			Map<String, Object> following = sara.awaitEvent("monitoring");
			assertThat(following).containsEntry("chatId", chatId)
				.containsEntry("state", "FOLLOWING")
				.containsEntry("counsellor", "Anna")
				.containsEntry("queue", "relatives");
			sara.awaitEvent("message", (e) -> "v1".equals(e.get("id")));
			anna.awaitEvent("monitored", (e) -> chatId.equals(e.get("chatId")) && Boolean.TRUE.equals(e.get("monitored")));

			anna.send("/app/counsellor/message", json("chatId", chatId, "id", "c1", "text", "I hear you"));
			visitor.stomp().send("/app/visitor/message", json("id", "v2", "text", "thank you"));
			sara.awaitEvent("message", (e) -> "c1".equals(e.get("id")));
			sara.awaitEvent("message", (e) -> "v2".equals(e.get("id")));

			// Read-only: nothing the supervisor sends reaches the chat.
			int errors = sara.errors().size();
			sara.send("/app/counsellor/message", json("chatId", chatId, "id", "s1", "text", "from the supervisor"));
			assertThat(sara.awaitError(errors + 1)).isEqualTo("FORBIDDEN");
			assertThat(visitor.stomp().events("message")).noneMatch((e) -> "s1".equals(e.get("id")));
			// The visitor is never told: monitoring is between staff.
			assertThat(visitor.stomp().events("monitored")).isEmpty();

			sara.send("/app/supervisor/unmonitor", json("chatId", chatId));
			sara.awaitEvent("monitoring", (e) -> "STOPPED".equals(e.get("state")));
			anna.awaitEvent("monitored", (e) -> chatId.equals(e.get("chatId")) && Boolean.FALSE.equals(e.get("monitored")));

			await().until(() -> output.getOut().contains("Supervisor sara stopped monitoring chat " + chatId));
			assertThat(output.getOut()).contains("Supervisor sara started monitoring chat " + chatId)
				.doesNotContain("a private worry")
				.doesNotContain("I hear you");
			anna.send("/app/counsellor/end", json("chatId", chatId));
			visitor.stomp().awaitEvent("ended");
		}
	}

	@Test
	void followingEndsWhenTheSupervisorsSessionCloses() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, anna, "youth");
			StompParticipant sara = this.clients.staff("sara", "fyren-demo");
			sara.send("/app/supervisor/monitor", json("chatId", chatId));
			anna.awaitEvent("monitored", (e) -> Boolean.TRUE.equals(e.get("monitored")));
			sara.close();
			anna.awaitEvent("monitored", (e) -> Boolean.FALSE.equals(e.get("monitored")));
			anna.send("/app/counsellor/end", json("chatId", chatId));
			visitor.stomp().awaitEvent("ended");
		}
	}

	@Test
	void counsellorCannotMonitorAndAnUnknownChatIsRefused() {
		try (StompParticipant anna = this.clients.staff("anna", "fyren-demo");
				StompParticipant sara = this.clients.staff("sara", "fyren-demo")) {
			anna.send("/app/supervisor/monitor", json("chatId", "whatever"));
			assertThat(anna.awaitError(1)).isEqualTo("FORBIDDEN");
			int errors = sara.errors().size();
			sara.send("/app/supervisor/monitor", json("chatId", "no-such-chat"));
			assertThat(sara.awaitError(errors + 1)).isEqualTo("NO_ACTIVE_CHAT");
		}
	}

}
