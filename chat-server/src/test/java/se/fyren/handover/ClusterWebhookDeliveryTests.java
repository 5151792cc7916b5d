package se.fyren.handover;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.FyrenNodes;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * Two nodes on one Redis both poll for due webhook deliveries, faster than
 * the (slow) receiving unit answers: each attempt still goes out exactly
 * once, the failed ones and the one that succeeds.
 */
class ClusterWebhookDeliveryTests {

	private final WebhookReceiver receiver = new WebhookReceiver();

	private final FyrenNodes nodes = new FyrenNodes()
		.with("fyren.handover.units.adults-clinic.webhook-url", this.receiver.url())
		.with("fyren.handover.units.adults-clinic.webhook-secret", HandoverFlowTests.SECRET)
		.with("fyren.handover.webhook.poll-interval", "50ms")
		.with("fyren.handover.webhook.initial-backoff", "200ms")
		.with("fyren.handover.webhook.timeout", "5s");

	/** The nodes go first: they poll the receiver until they stop. */
	@AfterEach
	void stop() {
		this.nodes.close();
		this.receiver.close();
	}

	@Test
	void eachDueDeliveryGoesOutFromExactlyOneNode() {
		FyrenClients onA = this.nodes.start().clients();
		this.nodes.start();
		this.receiver.answerAfter(Duration.ofMillis(400));
		this.receiver.failNext(2);
		try (Visitor visitor = onA.visitor(); StompParticipant anna = onA.staff("anna", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, anna, "sells-sex");
			anna.send("/app/counsellor/handover/propose",
					json("chatId", chatId, "unit", "adults-clinic", "summary", "Wants to meet the clinic"));
			String proposalId = (String) visitor.stomp().awaitEvent("handover-proposed").get("proposalId");
			visitor.stomp().send("/app/visitor/handover/confirm", json("proposalId", proposalId));
			String reference = (String) visitor.stomp().awaitEvent("handover-confirmed").get("reference");

			await().atMost(Duration.ofSeconds(20)).until(() -> this.receiver.accepted().size() == 1);
			// Both nodes keep polling every 50 ms: nothing more arrives.
			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
				.until(() -> this.receiver.received().size() == 3);
			assertThat(this.receiver.received()).extracting(WebhookReceiver.Received::status).containsExactly(500, 500, 204);
			assertThat(this.receiver.received()).allSatisfy((request) -> assertThat(request.id()).isEqualTo(reference));
			anna.send("/app/counsellor/end", json("chatId", chatId));
			visitor.stomp().awaitEvent("ended");
		}
	}

}
