package se.fyren.system;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.routing.Connections;
import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.FyrenNode;
import se.fyren.testsupport.FyrenNodes;
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

	@RegisterExtension
	final FyrenNodes nodes = new FyrenNodes().with("fyren.redis.presence-ttl", "2s")
		.with("fyren.redis.presence-renew-interval", "500ms")
		.with("fyren.routing.counsellor-drop-grace", GRACE.toMillis() + "ms")
		.with("fyren.routing.sweep-interval", "500ms");

	private FyrenNode nodeA;

	private FyrenNode nodeB;

	@BeforeEach
	void startTwoNodes() {
		this.nodeA = this.nodes.start();
		this.nodeB = this.nodes.start();
	}

	private Chat chat(String chatId) {
		return this.nodeB.getBean(ChatStore.class).find(chatId).orElseThrow();
	}

	@Test
	void aDeadNodesCounsellorLosesTheirChatsToTheFrontOfTheQueueAfterTheGrace() {
		FyrenClients onB = this.nodeB.clients();
		Connections connections = this.nodeB.getBean(Connections.class);
		StompParticipant anna = this.nodeA.clients().staff("anna", "fyren-demo");
		Visitor first = onB.visitor();
		String chatId = ChatFlow.startChat(first, anna, "sells-sex");

		this.nodeA.crash();
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
		FyrenClients onB = this.nodeB.clients();
		Connections connections = this.nodeB.getBean(Connections.class);
		StompParticipant anna = this.nodeA.clients().staff("anna", "fyren-demo");
		Visitor visitor = onB.visitor();
		String chatId = ChatFlow.startChat(visitor, anna, "sells-sex");

		this.nodeA.crash();
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
