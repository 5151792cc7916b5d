package se.fyren.handover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import se.fyren.FyrenApplication;
import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.RedisTestStore;
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

	private final RedisTestStore store = new RedisTestStore();

	private final WebhookReceiver receiver = new WebhookReceiver();

	private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	@AfterEach
	void stopNodes() {
		this.nodes.forEach(ConfigurableApplicationContext::close);
		this.receiver.close();
		this.store.close();
	}

	private FyrenClients startNode() {
		Map<String, Object> properties = new HashMap<>(this.store.clusterProperties());
		properties.put("server.port", 0);
		properties.put("fyren.handover.units.adults-clinic.webhook-url", this.receiver.url());
		properties.put("fyren.handover.units.adults-clinic.webhook-secret", HandoverFlowTests.SECRET);
		properties.put("fyren.handover.webhook.poll-interval", "50ms");
		properties.put("fyren.handover.webhook.initial-backoff", "200ms");
		properties.put("fyren.handover.webhook.timeout", "5s");
		String[] arguments = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext node = new SpringApplicationBuilder(FyrenApplication.class).run(arguments);
		this.nodes.add(node);
		return new FyrenClients(((WebServerApplicationContext) node).getWebServer().getPort());
	}

	@Test
	void eachDueDeliveryGoesOutFromExactlyOneNode() {
		FyrenClients onA = startNode();
		startNode();
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
