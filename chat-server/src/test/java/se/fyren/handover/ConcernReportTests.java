package se.fyren.handover;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * A report of concern about a child: drafted by the counsellor, issued only
 * when a supervisor signs it off (four eyes), then delivered and the child told.
 */
class ConcernReportTests extends RunningFyren {

	static final WebhookReceiver receiver = new WebhookReceiver();

	@DynamicPropertySource
	static void childProtectionWithWebhook(DynamicPropertyRegistry registry) {
		registry.add("fyren.handover.units.child-protection.webhook-url", receiver::url);
		registry.add("fyren.handover.units.child-protection.webhook-secret", () -> "child-protection-secret");
		registry.add("fyren.handover.webhook.poll-interval", () -> "100ms");
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@Test
	void aReportIsIssuedOnlyAfterASupervisorSignsItOff() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, anna, "youth");
			visitor.stomp().send("/app/visitor/message", json("id", "v-1", "text", "He takes my phone and hits me"));
			anna.awaitEvent("message", (e) -> "v-1".equals(e.get("id")));

			anna.send("/app/counsellor/concern/draft", json("chatId", chatId, "disclosure",
					"The child (15-17) says an adult at home hits them", "excerptSeqs", List.of(1)));
			String reference = (String) anna.awaitEvent("concern-drafted").get("reference");
			assertThat(reference).startsWith("RC-");

			StaffHttp cia = new StaffHttp(this.clients, "cia");
			StaffHttp annaHttp = new StaffHttp(this.clients, "anna");
			assertThat(cia.get("/api/handovers").body()).doesNotContain(reference);
			assertThat(cia.get("/api/handovers/" + reference).statusCode()).isEqualTo(404);
			assertThat(annaHttp.post("/api/concerns/" + reference + "/sign-off").statusCode()).isEqualTo(403);
			assertThat(cia.post("/api/concerns/" + reference + "/sign-off").statusCode()).isEqualTo(403);
			assertThat(receiver.received()).isEmpty();
			assertThat(visitor.stomp().events("concern-issued")).isEmpty();

			StaffHttp sara = new StaffHttp(this.clients, "sara");
			assertThat(sara.get("/api/concerns").body()).contains(reference).contains("\"draftedBy\":\"anna\"");
			assertThat(sara.get("/api/concerns/" + reference).body()).contains("an adult at home hits them",
					"He takes my phone and hits me");
			var signed = sara.post("/api/concerns/" + reference + "/sign-off");
			assertThat(signed.statusCode()).isEqualTo(200);
			assertThat(signed.body()).contains("\"signedOffBy\":\"sara\"");

			Map<String, Object> told = visitor.stomp().awaitEvent("concern-issued");
			assertThat(told).containsEntry("chatId", chatId).containsEntry("reference", null);
			assertThat(anna.awaitEvent("concern-issued")).containsEntry("reference", reference);
			await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 1);
			assertThat(receiver.accepted().get(0).id()).isEqualTo(reference);
			assertThat(receiver.accepted().get(0).body()).contains("REPORT_OF_CONCERN", "an adult at home hits them");
			assertThat(cia.get("/api/handovers").body()).contains(reference);
			assertThat(cia.get("/api/handovers/" + reference).body()).contains("an adult at home hits them");

			assertThat(sara.post("/api/concerns/" + reference + "/sign-off").statusCode()).isEqualTo(404);
			assertThat(sara.get("/api/concerns").body()).doesNotContain(reference);
		}
	}

	@Test
	void aDraftNeedsTheDisclosure() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, anna, "youth");
			anna.send("/app/counsellor/concern/draft", json("chatId", chatId, "disclosure", "  "));
			assertThat(anna.awaitError(1)).isEqualTo("INVALID_PAYLOAD");
			assertThat(anna.events("concern-drafted")).isEmpty();
		}
	}

}
