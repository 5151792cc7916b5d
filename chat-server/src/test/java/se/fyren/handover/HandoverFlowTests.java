package se.fyren.handover;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.fyren.audit.AuditEntry;
import se.fyren.audit.AuditLog;
import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * The whole consent-based handover over real WebSockets and HTTP: proposal,
 * preview, a decline that leaves nothing, a confirmation, delivery to a real
 * webhook that fails at first, and the case worker's inbox.
 */
class HandoverFlowTests extends RunningFyren {

	static final String SECRET = "webhook-secret-for-tests";

	static final WebhookReceiver receiver = new WebhookReceiver();

	@Autowired
	AuditLog auditLog;

	@DynamicPropertySource
	static void unitWithWebhook(DynamicPropertyRegistry registry) {
		registry.add("fyren.handover.units.adults-clinic.webhook-url", receiver::url);
		registry.add("fyren.handover.units.adults-clinic.webhook-secret", () -> SECRET);
		registry.add("fyren.handover.webhook.poll-interval", () -> "100ms");
		registry.add("fyren.handover.webhook.initial-backoff", () -> "100ms");
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@AfterEach
	void endAnnasChats() {
		endChatsOf("anna");
	}

	@Test
	void visitorDeclinesThenConfirmsAndTheUnitAndTheCaseWorkerGetIt() {
		receiver.failNext(2);
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, anna, "sells-sex");
			visitor.stomp().send("/app/visitor/message", json("id", "v-1", "text", "I want to meet someone <b>in person</b>"));
			visitor.stomp().send("/app/visitor/message", json("id", "v-2", "text", "Not this part"));
			anna.awaitEvent("message", (e) -> "v-2".equals(e.get("id")));
			StaffHttp cia = new StaffHttp(this.clients, "cia");

			anna.send("/app/counsellor/handover/propose", json("chatId", chatId, "unit", "adults-clinic", "summary",
					"Adult, wants to meet the clinic this week", "excerptSeqs", List.of(1)));
			Map<String, Object> preview = visitor.stomp().awaitEvent("handover-proposed");
			assertThat(preview).containsEntry("unitName", "Vuxenmottagningen")
				.containsEntry("summary", "Adult, wants to meet the clinic this week")
				.containsEntry("excerpts", List.of(Map.of("from", "VISITOR", "text", "I want to meet someone <b>in person</b>")));
			String declined = (String) preview.get("proposalId");

			visitor.stomp().send("/app/visitor/handover/decline", json("proposalId", declined));
			anna.awaitEvent("handover-declined", (e) -> declined.equals(e.get("proposalId")));
			assertThat(cia.get("/api/handovers").body()).isEqualTo("[]");
			visitor.stomp().send("/app/visitor/handover/confirm", json("proposalId", declined));
			assertThat(visitor.stomp().awaitError(1)).isEqualTo("NO_HANDOVER_PROPOSAL");

			anna.send("/app/counsellor/handover/propose", json("chatId", chatId, "unit", "adults-clinic", "summary",
					"Adult, wants to meet the clinic this week", "excerptSeqs", List.of(1)));
			String proposalId = (String) visitor.stomp()
				.awaitEvent("handover-proposed", (e) -> !declined.equals(e.get("proposalId")))
				.get("proposalId");
			visitor.stomp().send("/app/visitor/handover/confirm", json("proposalId", proposalId, "contact", "Kim, 070-111 22 33"));
			String reference = (String) visitor.stomp().awaitEvent("handover-confirmed").get("reference");
			assertThat(reference).matches("FY-[A-HJ-NP-Z2-9]{10}");
			assertThat(anna.awaitEvent("handover-confirmed")).containsEntry("reference", reference);

			await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 1);
			await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> receiver.accepted().size() == 1);
			assertThat(receiver.received()).hasSize(3).allSatisfy((request) -> assertThat(request.id()).isEqualTo(reference));
			WebhookReceiver.Received delivery = receiver.accepted().get(0);
			assertThat(delivery.signature())
				.isEqualTo("v1=" + HandoverWebhook.sign(SECRET, delivery.timestamp(), delivery.body()));
			assertThat(Long.parseLong(delivery.timestamp())).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
			assertThat(delivery.body()).contains(reference, "Kim, 070-111 22 33", "Adult, wants to meet the clinic")
				.doesNotContain("Not this part")
				.doesNotContain(chatId);

			assertThat(cia.get("/api/handovers").body()).contains(reference).doesNotContain("070-111");
			var opened = cia.get("/api/handovers/" + reference);
			assertThat(opened.statusCode()).isEqualTo(200);
			assertThat(opened.body()).contains("Kim, 070-111 22 33").contains("\"deliveredAt\":\"");
			assertThat(cia.post("/api/handovers/" + reference + "/acknowledge").body()).contains("\"acknowledgedBy\":\"cia\"");
			var print = cia.get("/api/handovers/" + reference + "/print");
			assertThat(print.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			assertThat(print.body()).contains("&lt;b&gt;in person&lt;/b&gt;").doesNotContain("<b>in person");

			StaffHttp counsellor = new StaffHttp(this.clients, "anna");
			assertThat(counsellor.get("/api/handovers/" + reference).statusCode()).isEqualTo(403);
			assertThat(counsellor.get("/api/handovers").statusCode()).isEqualTo(403);
			assertThat(new StaffHttp(this.clients, "sara").get("/api/handovers/" + reference).statusCode()).isEqualTo(403);
			// Opening and printing are audited once each, the refused tries not at all.
			assertThat(this.auditLog.latest(1000))
				.filteredOn((entry) -> reference.equals(entry.chatId()))
				.extracting(AuditEntry::staff, (entry) -> entry.action().name())
				.containsExactly(org.assertj.core.groups.Tuple.tuple("cia", "READ_HANDOVER"),
						org.assertj.core.groups.Tuple.tuple("cia", "ACKNOWLEDGE_HANDOVER"),
						org.assertj.core.groups.Tuple.tuple("cia", "READ_HANDOVER"));
			assertThat(anna.errors()).isEmpty();
		}
	}

	@Test
	void anOpenProposalIsShownAgainWhenTheVisitorReconnects() {
		try (StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			Visitor visitor = this.clients.visitor();
			String chatId = ChatFlow.startChat(visitor, anna, "sells-sex");
			// The visitor's connection drops; the proposal made meanwhile reaches nobody.
			visitor.close();
			anna.send("/app/counsellor/handover/propose",
					json("chatId", chatId, "unit", "adults-clinic", "summary", "Wants to meet the clinic"));
			String proposalId = (String) anna.awaitEvent("handover-proposed").get("proposalId");
			try (StompParticipant back = this.clients.resume(visitor.token(), 0)) {
				assertThat(back.awaitEvent("handover-proposed")).containsEntry("proposalId", proposalId)
					.containsEntry("summary", "Wants to meet the clinic")
					.containsEntry("unitName", "Vuxenmottagningen");
				back.send("/app/visitor/handover/decline", json("proposalId", proposalId));
				anna.awaitEvent("handover-declined", (e) -> proposalId.equals(e.get("proposalId")));
			}
			// Once answered there is nothing to show again.
			try (StompParticipant again = this.clients.resume(visitor.token(), 0)) {
				again.awaitEvent("state");
				again.send("/app/visitor/typing", json("typing", true));
				anna.awaitEvent("typing", (e) -> chatId.equals(e.get("chatId")));
				assertThat(again.events("handover-proposed")).isEmpty();
				anna.send("/app/counsellor/end", json("chatId", chatId));
				again.awaitEvent("ended");
			}
		}
	}

	@Test
	void aProposalToAnUnknownUnitOrWithNothingToShareIsRefused() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, anna, "sells-sex");
			anna.send("/app/counsellor/handover/propose", json("chatId", chatId, "unit", "nowhere", "summary", "x"));
			assertThat(anna.awaitError(1)).isEqualTo("UNKNOWN_HANDOVER_UNIT");
			anna.send("/app/counsellor/handover/propose", json("chatId", chatId, "unit", "adults-clinic"));
			assertThat(anna.awaitError(2)).isEqualTo("INVALID_PAYLOAD");
			anna.send("/app/counsellor/handover/propose", json("chatId", chatId, "unit", "adults-clinic", "excerptSeqs", List.of(99)));
			assertThat(anna.awaitError(3)).isEqualTo("INVALID_PAYLOAD");
			assertThat(visitor.stomp().events("handover-proposed")).isEmpty();
		}
	}

	@Test
	void aVisitorCannotProposeAndACounsellorCannotConfirm() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, anna, "youth");
			visitor.stomp().send("/app/counsellor/handover/propose", json("chatId", chatId, "unit", "youth-unit", "summary", "x"));
			assertThat(visitor.stomp().awaitError(1)).isEqualTo("FORBIDDEN");
			anna.send("/app/visitor/handover/confirm", json("proposalId", "x"));
			assertThat(anna.awaitError(1)).isEqualTo("FORBIDDEN");
		}
	}

}
