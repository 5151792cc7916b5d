package se.fyren.supervision;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.FyrenNodes;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * Two nodes on one Redis: a supervisor on one node sees what happens on the
 * other at once, and follows a chat held there. The timed refresh is set to
 * an hour, so only the cross-node push can bring the figures.
 */
class ClusterSupervisionTests {

	@RegisterExtension
	final FyrenNodes nodes = new FyrenNodes().with("fyren.supervision.refresh-interval", "1h");

	@Test
	void changesOnOneNodeReachASupervisorOnTheOtherWithoutWaitingForTheRefresh() {
		FyrenClients onA = this.nodes.start().clients();
		FyrenClients onB = this.nodes.start().clients();
		try (StompParticipant sara = onA.staff("sara", "fyren-demo");
				StompParticipant anna = onB.staff("anna", "fyren-demo"); Visitor visitor = onB.visitor()) {
			sara.send("/app/supervisor/watch", Map.of());
			sara.awaitEvent("dashboard");

			awaitQueue(sara, () -> anna.send("/app/counsellor/duty", json("onDuty", true)), "sells-sex",
					(q) -> num(q, "onDuty") == 1);
			awaitQueue(sara, () -> anna.send("/app/counsellor/pause", json("paused", true)), "sells-sex",
					(q) -> num(q, "paused") == 1);
			Map<String, Object> waiting = awaitQueue(sara,
					() -> visitor.stomp().send("/app/visitor/join", json("queue", "sells-sex", "danger", true)),
					"sells-sex", (q) -> num(q, "waiting") == 1);
			assertThat(num(waiting, "urgentWaiting")).isEqualTo(1);

			awaitQueue(sara, () -> anna.send("/app/counsellor/take", json("queue", "sells-sex")), "sells-sex",
					(q) -> num(q, "waiting") == 0 && num(q, "activeChats") == 1 && num(q, "busy") == 1);
			String chatId = (String) visitor.stomp().awaitEvent("chat-started").get("chatId");
			awaitQueue(sara, () -> anna.send("/app/counsellor/end", json("chatId", chatId)), "sells-sex",
					(q) -> num(q, "activeChats") == 0);
			awaitQueue(sara, () -> anna.send("/app/counsellor/duty", json("onDuty", false)), "sells-sex",
					(q) -> num(q, "onDuty") == 0 && num(q, "paused") == 0);
		}
	}

	@Test
	void aSupervisorOnOneNodeFollowsAChatHeldOnTheOther() {
		FyrenClients onA = this.nodes.start().clients();
		FyrenClients onB = this.nodes.start().clients();
		try (StompParticipant sara = onA.staff("sara", "fyren-demo");
				StompParticipant anna = onB.staff("anna", "fyren-demo"); Visitor visitor = onB.visitor()) {
			String chatId = ChatFlow.startChat(visitor, anna, "relatives");
			sara.send("/app/supervisor/monitor", json("chatId", chatId));
			sara.awaitEvent("monitoring", (e) -> "FOLLOWING".equals(e.get("state")));
			anna.awaitEvent("monitored", (e) -> Boolean.TRUE.equals(e.get("monitored")));

			// What is written on node B reaches the supervisor on node A: messages and notes.
			visitor.stomp().send("/app/visitor/message", json("id", "v1", "text", "hej"));
			sara.awaitEvent("message", (e) -> "v1".equals(e.get("id")));
			anna.send("/app/counsellor/note", json("chatId", chatId, "id", "n1", "text", "staff only"));
			sara.awaitEvent("note", (e) -> "n1".equals(e.get("id")));
			sara.send("/app/supervisor/watch", Map.of());
			sara.awaitEvent("dashboard", (e) -> String.valueOf(e.get("chats")).contains("monitored=true"));

			sara.send("/app/supervisor/unmonitor", json("chatId", chatId));
			anna.awaitEvent("monitored", (e) -> Boolean.FALSE.equals(e.get("monitored")));
			anna.send("/app/counsellor/message", json("chatId", chatId, "id", "c1", "text", "after"));
			visitor.stomp().awaitEvent("message", (e) -> "c1".equals(e.get("id")));
			assertThat(sara.events("message")).noneMatch((e) -> "c1".equals(e.get("id")));
			assertThat(visitor.stomp().events("note")).isEmpty();
			anna.send("/app/counsellor/end", json("chatId", chatId));
			visitor.stomp().awaitEvent("ended");
		}
	}

	/** Does something, then returns the queue's figures in the first dashboard pushed since that match. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> awaitQueue(StompParticipant sara, Runnable action, String queue,
			Predicate<Map<String, Object>> matching) {
		int seen = sara.events("dashboard").size();
		action.run();
		return await().until(() -> sara.events("dashboard")
			.stream()
			.skip(seen)
			.flatMap((dashboard) -> ((List<Map<String, Object>>) dashboard.get("queues")).stream())
			.filter((q) -> queue.equals(q.get("queue")) && matching.test(q))
			.findFirst()
			.orElse(null), (found) -> found != null);
	}

	private static long num(Map<String, Object> figures, String key) {
		return ((Number) figures.get(key)).longValue();
	}

}
