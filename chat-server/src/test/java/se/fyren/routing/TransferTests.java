package se.fyren.routing;

import org.junit.jupiter.api.Test;

import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * A counsellor hands a chat to a colleague or back to a queue of the same
 * group, with a note; the visitor is told and keeps the history.
 */
class TransferTests extends RoutingScenario {

	@Test
	void aChatGoesToAColleagueWithTheNoteAndTheHistory() {
		try (StompParticipant anna = onDuty("anna"); Visitor visitor = joined("sells-sex")) {
			String chatId = accept(anna, visitor);
			visitor.stomp().send("/app/visitor/message", json("id", "v1", "text", "Vorbesc română"));
			anna.awaitEvent("message");
			try (StompParticipant dragan = onDuty("dragan")) {
				anna.send("/app/counsellor/transfer",
						json("chatId", chatId, "toCounsellor", "dragan", "note", "Prefers Romanian"));
				assertThat(dragan.awaitEvent("chat-assigned")).containsEntry("chatId", chatId)
					.containsEntry("note", "Prefers Romanian");
				assertThat(dragan.awaitEvent("message")).containsEntry("id", "v1");
				assertThat(visitor.stomp().awaitEvent("transferred")).containsEntry("counsellorName", "Dragan");
				assertThat(anna.awaitEvent("transferred")).containsEntry("chatId", chatId);
				assertThat(visitor.stomp().awaitEvent("transferred")).doesNotContainKey("note");

				dragan.send("/app/counsellor/message", json("chatId", chatId, "id", "d1", "text", "Bună"));
				visitor.stomp().awaitEvent("message", (e) -> "d1".equals(e.get("id")));
				anna.send("/app/counsellor/message", json("chatId", chatId, "id", "a2", "text", "still here?"));
				assertThat(anna.awaitError(1)).isEqualTo("NOT_A_PARTICIPANT");
			}
		}
	}

	@Test
	void afterATransferEachCounsellorsMessagesCarryTheirDisplayName() {
		try (StompParticipant anna = onDuty("anna"); Visitor visitor = joined("sells-sex")) {
			String chatId = accept(anna, visitor);
			visitor.stomp().send("/app/visitor/message", json("id", "v1", "text", "Hej"));
			anna.send("/app/counsellor/message", json("chatId", chatId, "id", "a1", "text", "Hej, Anna här"));
			// The name the visitor was told, never the account's username.
			assertThat(visitor.stomp().awaitEvent("message", (e) -> "a1".equals(e.get("id")))).containsEntry("from", "COUNSELLOR")
				.containsEntry("author", "Anna");
			try (StompParticipant dragan = onDuty("dragan")) {
				anna.send("/app/counsellor/transfer", json("chatId", chatId, "toCounsellor", "dragan"));
				// The history Dragan gets says who wrote what before him.
				assertThat(dragan.awaitEvent("message", (e) -> "a1".equals(e.get("id")))).containsEntry("author", "Anna");
				assertThat(dragan.awaitEvent("message", (e) -> "v1".equals(e.get("id")))).containsEntry("from", "VISITOR")
					.containsEntry("author", null);
				dragan.send("/app/counsellor/message", json("chatId", chatId, "id", "d1", "text", "Hej, Dragan här"));
				assertThat(dragan.awaitEvent("message", (e) -> "d1".equals(e.get("id")))).containsEntry("author", "Dragan");
				assertThat(visitor.stomp().awaitEvent("message", (e) -> "d1".equals(e.get("id")))).containsEntry("author",
						"Dragan");

				// A reload replays the whole conversation with its authors.
				visitor.stomp().send("/app/visitor/sync", json("afterSeq", 0));
				visitor.stomp().awaitEvents("message", (e) -> "a1".equals(e.get("id")), 2);
				visitor.stomp().awaitEvents("message", (e) -> "d1".equals(e.get("id")), 2);
				assertThat(visitor.stomp().events("message")).filteredOn((e) -> "COUNSELLOR".equals(e.get("from")))
					.extracting((e) -> e.get("id") + ":" + e.get("author"))
					.containsOnly("a1:Anna", "d1:Dragan");
			}
		}
	}

	@Test
	void aChatGoesBackToAQueueOfTheSameGroupAndToSomeoneElse() {
		try (StompParticipant anna = onDuty("anna"); Visitor visitor = joined("youth")) {
			String chatId = accept(anna, visitor);
			try (StompParticipant cecilia = onDuty("cecilia")) {
				anna.send("/app/counsellor/transfer", json("chatId", chatId, "toQueue", "relatives", "note", "A parent"));
				assertThat(visitor.stomp().awaitEvent("transferred")).containsEntry("counsellorName", null);
				visitor.stomp().awaitEvent("position", (e) -> "relatives".equals(e.get("queue")));
				// Cecilia serves only youth; Anna sent it back, so it is not offered to her again.
				assertThat(cecilia.events("offer")).isEmpty();
				assertThat(anna.events("offer")).hasSize(1);
				try (StompParticipant dragan = onDuty("dragan")) {
					assertThat(dragan.awaitEvent("offer")).containsEntry("chatId", chatId).containsEntry("note", "A parent");
				}
			}
		}
	}

	@Test
	void aTransferToSomeoneOffDutyOrUnknownIsRefused() {
		try (StompParticipant anna = onDuty("anna"); Visitor visitor = joined("sells-sex")) {
			String chatId = accept(anna, visitor);
			anna.send("/app/counsellor/transfer", json("chatId", chatId, "toCounsellor", "dragan"));
			assertThat(anna.awaitError(1)).isEqualTo("COLLEAGUE_UNAVAILABLE");
			anna.send("/app/counsellor/transfer", json("chatId", chatId, "toCounsellor", "nobody"));
			assertThat(anna.awaitError(2)).isEqualTo("COLLEAGUE_UNAVAILABLE");
			anna.send("/app/counsellor/transfer", json("chatId", chatId));
			assertThat(anna.awaitError(3)).isEqualTo("INVALID_PAYLOAD");
			anna.send("/app/counsellor/message", json("chatId", chatId, "id", "a1", "text", "still yours"));
			visitor.stomp().awaitEvent("message");
		}
	}

}
