package se.fyren.routing;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import se.fyren.queue.WaitingQueue;
import se.fyren.testsupport.ClockAtMondayMorning;
import se.fyren.testsupport.FyrenClients;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.MutableClock;
import se.fyren.testsupport.StompParticipant;

import static org.awaitility.Awaitility.await;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * A whole Fyren with the demo accounts and a clock the test moves. The
 * timers are slowed right down, so time only passes when a test says so and
 * runs the sweep itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fyren.routing.sweep-interval=1h", "fyren.retention.purge-interval=1h" })
@Import(ClockAtMondayMorning.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
abstract class RoutingScenario {

	static final String PASSWORD = "fyren-demo";

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	Router router;

	@Autowired
	Inactivity inactivity;

	@Autowired
	WaitingQueue waiting;

	@Autowired
	ChatCapacity capacity;

	FyrenClients clients;

	@BeforeEach
	void pointClientsAtTheServer() {
		this.clients = new FyrenClients(this.port);
	}

	StompParticipant onDuty(String username) {
		StompParticipant counsellor = this.clients.staff(username, PASSWORD);
		counsellor.send("/app/counsellor/duty", json("onDuty", true));
		counsellor.awaitEvent("duty", (e) -> Boolean.TRUE.equals(e.get("onDuty")));
		return counsellor;
	}

	/** Joins and waits for the first position; returns the visitor. */
	Visitor joined(String queue, Object... more) {
		Visitor visitor = this.clients.visitor();
		Map<String, Object> join = json("queue", queue);
		join.putAll(json(more));
		visitor.stomp().send("/app/visitor/join", join);
		visitor.stomp().awaitEvent("position");
		return visitor;
	}

	static String offeredChat(StompParticipant counsellor) {
		return (String) counsellor.awaitEvent("offer").get("chatId");
	}

	static Map<String, Object> lastPosition(Visitor visitor) {
		List<Map<String, Object>> positions = visitor.stomp().events("position");
		return positions.get(positions.size() - 1);
	}

	/** The first {@code count} chats offered to the counsellor, once they have been. */
	static List<String> offeredChats(StompParticipant counsellor, int count) {
		await().until(() -> counsellor.events("offer").size() >= count);
		return counsellor.events("offer").stream().limit(count).map((e) -> (String) e.get("chatId")).toList();
	}

	/** Accepts the offer of this chat and waits until the counsellor has it. */
	static void acceptOffer(StompParticipant counsellor, String chatId) {
		counsellor.send("/app/counsellor/accept", json("chatId", chatId));
		counsellor.awaitEvent("chat-assigned", (e) -> chatId.equals(e.get("chatId")));
	}

	/** The visitor's chat id, as the server tells them. */
	static String chatIdOf(Visitor visitor) {
		visitor.stomp().send("/app/visitor/sync", json("afterSeq", 0));
		return (String) visitor.stomp().awaitEvent("state", (e) -> e.get("chatId") != null).get("chatId");
	}

	/** Accepts the offer and waits until both sides know. */
	static String accept(StompParticipant counsellor, Visitor visitor) {
		String chatId = (String) counsellor.awaitEvent("offer").get("chatId");
		counsellor.send("/app/counsellor/accept", json("chatId", chatId));
		counsellor.awaitEvent("chat-assigned", (e) -> chatId.equals(e.get("chatId")));
		visitor.stomp().awaitEvent("chat-started", (e) -> chatId.equals(e.get("chatId")));
		return chatId;
	}

}
