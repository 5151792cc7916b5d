package se.fyren.conversation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * End to end over real WebSockets: a visitor and a counsellor chat, from the
 * queue to the end.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ChatFlowTests extends RunningFyren {

	@Test
	void visitorAndCounsellorChatFromQueueToEnd() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			anna.send("/app/counsellor/duty", json("onDuty", true));
			anna.awaitEvent("duty", (e) -> Boolean.TRUE.equals(e.get("onDuty")));

			visitor.stomp().send("/app/visitor/join", json("queue", "sells-sex", "ageBand", "18-24", "language", "en"));
			assertThat(visitor.stomp().awaitEvent("position").get("position")).isEqualTo(1);
			Map<String, Object> overview = anna.awaitEvent("queues", (e) -> waitingIn(e, "sells-sex").size() == 1);
			assertThat(waitingIn(overview, "sells-sex").get(0)).containsEntry("ageBand", "18-24")
				.containsEntry("language", "en");

			anna.send("/app/counsellor/take", json("queue", "sells-sex"));
			Map<String, Object> assigned = anna.awaitEvent("chat-assigned");
			String chatId = (String) assigned.get("chatId");
			assertThat(visitor.stomp().awaitEvent("chat-started")).containsEntry("chatId", chatId)
				.containsEntry("counsellor", "Anna");

			visitor.stomp().send("/app/visitor/message", json("id", "v-1", "text", "Hej, jag behöver prata"));
			assertThat(anna.awaitEvent("message", (e) -> "v-1".equals(e.get("id")))).containsEntry("seq", 1)
				.containsEntry("from", "VISITOR")
				.containsEntry("text", "Hej, jag behöver prata")
				.containsEntry("chatId", chatId);
			visitor.stomp().awaitEvent("message", (e) -> "v-1".equals(e.get("id")));

			anna.send("/app/counsellor/typing", json("chatId", chatId, "typing", true));
			assertThat(visitor.stomp().awaitEvent("typing")).containsEntry("from", "COUNSELLOR").containsEntry("typing", true);

			anna.send("/app/counsellor/message", json("chatId", chatId, "id", "c-1", "text", "Jag finns här."));
			assertThat(visitor.stomp().awaitEvent("message", (e) -> "c-1".equals(e.get("id")))).containsEntry("seq", 2)
				.containsEntry("from", "COUNSELLOR");

			anna.send("/app/counsellor/end", json("chatId", chatId));
			assertThat(visitor.stomp().awaitEvent("ended")).containsEntry("by", "COUNSELLOR");
			assertThat(anna.awaitEvent("ended")).containsEntry("chatId", chatId);
			assertThat(visitor.stomp().errors()).isEmpty();
			assertThat(anna.errors()).isEmpty();
		}
	}

	@Test
	void visitorsAreServedInArrivalOrder() {
		try (Visitor first = this.clients.visitor(); Visitor second = this.clients.visitor();
				StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			anna.send("/app/counsellor/duty", json("onDuty", true));
			first.stomp().send("/app/visitor/join", json("queue", "youth"));
			first.stomp().awaitEvent("position", (e) -> e.get("position").equals(1));
			second.stomp().send("/app/visitor/join", json("queue", "youth"));
			second.stomp().awaitEvent("position", (e) -> e.get("position").equals(2));

			anna.send("/app/counsellor/take", json("queue", "youth"));
			first.stomp().awaitEvent("chat-started");
			second.stomp().awaitEvent("position", (e) -> e.get("position").equals(1));
			assertThat(second.stomp().events("chat-started")).isEmpty();

			anna.send("/app/counsellor/take", json("queue", "youth"));
			second.stomp().awaitEvent("chat-started");
			assertThat(anna.events("chat-assigned")).hasSize(2);
		}
	}

	@Test
	void visitorResumesAfterSocketDropsAndGetsMissedMessagesExactlyOnce() {
		try (StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			Visitor visitor = this.clients.visitor();
			String chatId = ChatFlow.startChat(visitor, anna, "relatives");
			visitor.stomp().send("/app/visitor/message", json("id", "before", "text", "first"));
			visitor.stomp().awaitEvent("message", (e) -> "before".equals(e.get("id")));

			visitor.stomp().close();
			for (int i = 1; i <= 3; i++) {
				anna.send("/app/counsellor/message", json("chatId", chatId, "id", "missed-" + i, "text", "are you there " + i));
			}
			await().until(() -> anna.events("message").size() == 4);

			try (StompParticipant resumed = this.clients.resume(visitor.token(), 1)) {
				assertThat(resumed.awaitEvent("state")).containsEntry("status", "CHATTING").containsEntry("chatId", chatId);
				await().until(() -> resumed.events("message").size() >= 3);
				// A frame's answer after the replay proves nothing more is coming from it.
				resumed.send("/app/visitor/sync", json("afterSeq", 4));
				await().until(() -> resumed.events("state").size() == 2);
				List<Object> ids = resumed.events("message").stream().map((e) -> e.get("id")).toList();
				assertThat(ids).containsExactly("missed-1", "missed-2", "missed-3");

				resumed.send("/app/visitor/message", json("id", "after", "text", "I'm back"));
				anna.awaitEvent("message", (e) -> "after".equals(e.get("id")));
			}
		}
	}

	@Test
	void resentMessageIsStoredOnceAndAcknowledgedAgain() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			ChatFlow.startChat(visitor, anna, "sells-sex");
			visitor.stomp().send("/app/visitor/message", json("id", "same", "text", "once"));
			visitor.stomp().send("/app/visitor/message", json("id", "same", "text", "once"));
			await().until(() -> visitor.stomp().events("message").size() == 2);
			visitor.stomp().send("/app/visitor/message", json("id", "next", "text", "twice"));
			anna.awaitEvent("message", (e) -> "next".equals(e.get("id")));

			assertThat(anna.events("message")).extracting((e) -> e.get("id")).containsExactly("same", "next");
			assertThat(visitor.stomp().events("message")).extracting((e) -> e.get("seq")).containsExactly(1, 1, 2);
		}
	}

	@Test
	void visitorLeavesTheQueue() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			anna.send("/app/counsellor/duty", json("onDuty", true));
			visitor.stomp().send("/app/visitor/join", json("queue", "sells-sex"));
			anna.awaitEvent("queues", (e) -> waitingIn(e, "sells-sex").size() == 1);

			visitor.stomp().send("/app/visitor/leave", json());
			visitor.stomp().awaitEvent("left");
			anna.awaitEvent("queues", (e) -> waitingIn(e, "sells-sex").isEmpty());
			anna.send("/app/counsellor/take", json("queue", "sells-sex"));
			assertThat(anna.awaitError(1)).isEqualTo("QUEUE_EMPTY");

			visitor.stomp().send("/app/visitor/join", json("queue", "sells-sex"));
			visitor.stomp().awaitEvent("position");
		}
	}

	@Test
	void visitorEndsTheChat() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, anna, "youth");
			visitor.stomp().send("/app/visitor/end", json());
			assertThat(anna.awaitEvent("ended")).containsEntry("chatId", chatId).containsEntry("by", "VISITOR");
			visitor.stomp().awaitEvent("ended");

			anna.send("/app/counsellor/message", json("chatId", chatId, "id", "late", "text", "hello?"));
			assertThat(anna.awaitError(1)).isEqualTo("CHAT_ENDED");
			visitor.stomp().send("/app/visitor/sync", json());
			visitor.stomp().awaitEvent("state", (e) -> "ENDED".equals(e.get("status")));
		}
	}

	@Test
	void counsellorGetsTheirChatsBackAfterReconnecting() {
		try (Visitor visitor = this.clients.visitor()) {
			StompParticipant anna = this.clients.staff("anna", "fyren-demo");
			String chatId = ChatFlow.startChat(visitor, anna, "sells-sex");
			visitor.stomp().send("/app/visitor/message", json("id", "m1", "text", "one"));
			anna.awaitEvent("message");
			anna.close();

			try (StompParticipant again = this.clients.staff("anna", "fyren-demo")) {
				assertThat(again.awaitEvent("duty")).containsEntry("onDuty", true);
				assertThat(again.awaitEvent("chat-assigned")).containsEntry("chatId", chatId);
				assertThat(again.awaitEvent("message")).containsEntry("id", "m1");
			}
		}
	}

	@Test
	void aCounsellorWithTwoTabsGetsEveryEventInBoth() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant tab1 = this.clients.staff("anna", "fyren-demo");
				StompParticipant tab2 = this.clients.staff("anna", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, tab1, "sells-sex");
			tab2.awaitEvent("chat-assigned", (e) -> chatId.equals(e.get("chatId")));
			visitor.stomp().send("/app/visitor/message", json("id", "both", "text", "hello"));
			tab1.awaitEvent("message", (e) -> "both".equals(e.get("id")));
			tab2.awaitEvent("message", (e) -> "both".equals(e.get("id")));
		}
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> waitingIn(Map<String, Object> queuesEvent, String queue) {
		return ((List<Map<String, Object>>) queuesEvent.get("queues")).stream()
			.filter((q) -> queue.equals(q.get("queue")))
			.findFirst()
			.map((q) -> (List<Map<String, Object>>) q.get("waiting"))
			.orElse(List.of(Map.of("missing", true)));
	}

}
