package se.fyren.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import se.fyren.FyrenApplication;
import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.routing.Connections;
import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.RedisTestStore;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * A counsellor's node dies without closing anything: the other node notices
 * once the dead node's liveness runs out, gives the counsellor the grace to
 * reconnect anywhere, and otherwise puts their chats back at the front of
 * the queue for others.
 */
class CounsellorNodeDeathTests {

	private static final Duration GRACE = Duration.ofSeconds(4);

	private final RedisTestStore store = new RedisTestStore();

	private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	private ConfigurableApplicationContext nodeA;

	private ConfigurableApplicationContext nodeB;

	@BeforeEach
	void startTwoNodes() {
		this.nodeA = startNode();
		this.nodeB = startNode();
	}

	@AfterEach
	void stopNodes() {
		this.nodes.stream().filter(ConfigurableApplicationContext::isActive).forEach(ConfigurableApplicationContext::close);
		this.store.close();
	}

	private ConfigurableApplicationContext startNode() {
		Map<String, Object> properties = new HashMap<>(this.store.clusterProperties());
		properties.put("server.port", 0);
		properties.put("fyren.redis.presence-ttl", "2s");
		properties.put("fyren.redis.presence-renew-interval", "500ms");
		properties.put("fyren.routing.counsellor-drop-grace", GRACE.toMillis() + "ms");
		properties.put("fyren.routing.sweep-interval", "500ms");
		String[] arguments = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext node = new SpringApplicationBuilder(FyrenApplication.class).run(arguments);
		this.nodes.add(node);
		return node;
	}

	private static FyrenClients clientsOf(ConfigurableApplicationContext node) {
		return new FyrenClients(((WebServerApplicationContext) node).getWebServer().getPort());
	}

	/**
	 * Dies as a killed process would: its Redis connection goes first, so the
	 * closing of its WebSockets reaches nobody.
	 */
	private static void crash(ConfigurableApplicationContext node) {
		node.getBean(LettuceConnectionFactory.class).stop();
		node.close();
	}

	private Chat chat(String chatId) {
		return this.nodeB.getBean(ChatStore.class).find(chatId).orElseThrow();
	}

	@Test
	void aDeadNodesCounsellorLosesTheirChatsToTheFrontOfTheQueueAfterTheGrace() {
		FyrenClients onB = clientsOf(this.nodeB);
		Connections connections = this.nodeB.getBean(Connections.class);
		StompParticipant anna = clientsOf(this.nodeA).staff("anna", "fyren-demo");
		Visitor first = onB.visitor();
		String chatId = ChatFlow.startChat(first, anna, "sells-sex");

		crash(this.nodeA);
		await().atMost(Duration.ofSeconds(10)).until(() -> connections.disconnectedSince("anna").isPresent());
		Visitor second = onB.visitor();
		second.stomp().send("/app/visitor/join", json("queue", "sells-sex"));
		second.stomp().awaitEvent("position");
		assertThat(chat(chatId).status()).as("still the counsellor's during the grace").isEqualTo(Chat.Status.ACTIVE);

		await().atMost(GRACE.plusSeconds(10)).until(() -> chat(chatId).status() == Chat.Status.WAITING);
		first.stomp().awaitEvent("transferred", (e) -> chatId.equals(e.get("chatId")));
		first.stomp().awaitEvent("position", (e) -> Integer.valueOf(1).equals(e.get("position")));
		second.stomp().awaitEvent("position", (e) -> Integer.valueOf(2).equals(e.get("position")));

		try (StompParticipant dragan = onB.staff("dragan", "fyren-demo")) {
			dragan.send("/app/counsellor/duty", json("onDuty", true));
			dragan.awaitEvent("offer", (e) -> chatId.equals(e.get("chatId")));
			dragan.send("/app/counsellor/accept", json("chatId", chatId));
			assertThat(first.stomp().awaitEvent("chat-started")).containsEntry("chatId", chatId);
			dragan.send("/app/counsellor/end", json("chatId", chatId));
			first.stomp().awaitEvent("ended");
			second.stomp().send("/app/visitor/leave", json());
			dragan.send("/app/counsellor/duty", json("onDuty", false));
			assertThat(dragan.errors()).isEmpty();
		}
		first.close();
		second.close();
	}

	@Test
	void aCounsellorWhoReconnectsOnAnotherNodeWithinTheGraceKeepsTheirChat() {
		FyrenClients onB = clientsOf(this.nodeB);
		Connections connections = this.nodeB.getBean(Connections.class);
		StompParticipant anna = clientsOf(this.nodeA).staff("anna", "fyren-demo");
		Visitor visitor = onB.visitor();
		String chatId = ChatFlow.startChat(visitor, anna, "sells-sex");

		crash(this.nodeA);
		await().atMost(Duration.ofSeconds(10)).until(() -> connections.disconnectedSince("anna").isPresent());
		try (StompParticipant back = onB.staff("anna", "fyren-demo")) {
			await().atMost(Duration.ofSeconds(5)).until(() -> connections.disconnectedSince("anna").isEmpty());
			await().during(GRACE.plusSeconds(2))
				.atMost(GRACE.plusSeconds(6))
				.until(() -> chat(chatId).status() == Chat.Status.ACTIVE && "anna".equals(chat(chatId).counsellor()));
			back.send("/app/counsellor/message", json("chatId", chatId, "id", "c-1", "text", "I am back"));
			visitor.stomp().awaitEvent("message", (e) -> "c-1".equals(e.get("id")));
			back.send("/app/counsellor/end", json("chatId", chatId));
			visitor.stomp().awaitEvent("ended");
			back.send("/app/counsellor/duty", json("onDuty", false));
			assertThat(back.errors()).isEmpty();
		}
		visitor.close();
	}

}
