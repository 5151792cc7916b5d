package se.fyren.routing;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * "I am in danger now" and danger keywords put a chat first and flag it; after
 * an urgent chat its counsellor gets a pause before the next automatic offer.
 */
class PriorityTests extends RoutingScenario {

	@Test
	void aVisitorInDangerGoesFirstAndIsFlaggedToCounsellorsAndSupervisors() {
		try (StompParticipant sara = this.clients.staff("sara", PASSWORD); Visitor calm = joined("sells-sex");
				Visitor inDanger = joined("sells-sex", "danger", true)) {
			assertThat(lastPosition(inDanger)).containsEntry("position", 1);
			calm.stomp().awaitEvent("position", (e) -> Integer.valueOf(2).equals(e.get("position")));
			assertThat(sara.awaitEvent("urgent")).containsEntry("queue", "sells-sex").containsEntry("reason", "DANGER");

			try (StompParticipant anna = onDuty("anna")) {
				assertThat(anna.events("offer").isEmpty() ? anna.awaitEvent("offer") : anna.events("offer").get(0))
					.containsEntry("urgent", true);
				String urgentChat = accept(anna, inDanger);
				assertThat(anna.events("chat-assigned")).filteredOn((e) -> urgentChat.equals(e.get("chatId")))
					.extracting((e) -> e.get("urgent"))
					.containsExactly(true);
				// Someone has the chat now: the alert is over for the supervisor and the counsellors.
				assertThat(sara.awaitEvent("urgent-cleared")).containsEntry("chatId", urgentChat)
					.containsEntry("queue", "sells-sex")
					.containsEntry("reason", "TAKEN");
				anna.awaitEvent("urgent-cleared", (e) -> urgentChat.equals(e.get("chatId")));
			}
		}
	}

	@Test
	void theAlertClearsWhenAVisitorInDangerLeavesTheQueueOrTheirChatEnds() {
		try (StompParticipant sara = this.clients.staff("sara", PASSWORD); StompParticipant dragan = onDuty("dragan")) {
			try (Visitor leaving = joined("relatives", "danger", true)) {
				String chatId = (String) sara.awaitEvent("urgent").get("chatId");
				leaving.stomp().send("/app/visitor/leave", json());
				assertThat(sara.awaitEvent("urgent-cleared")).containsEntry("chatId", chatId).containsEntry("reason", "ENDED");
				dragan.awaitEvent("urgent-cleared", (e) -> chatId.equals(e.get("chatId")));
			}
			try (Visitor calm = joined("relatives")) {
				String chatId = chatIdOf(calm);
				dragan.awaitEvent("offer", (e) -> chatId.equals(e.get("chatId")));
				acceptOffer(dragan, chatId);
				calm.stomp().awaitEvent("chat-started");
				// A keyword in the first message flags a chat that has already started; its end clears it.
				calm.stomp().send("/app/visitor/message", json("id", "v1", "text", "he will kill me"));
				sara.awaitEvent("urgent", (e) -> chatId.equals(e.get("chatId")));
				dragan.send("/app/counsellor/end", json("chatId", chatId));
				assertThat(sara.awaitEvent("urgent-cleared", (e) -> chatId.equals(e.get("chatId"))))
					.containsEntry("reason", "ENDED");
			}
		}
	}

	@Test
	void aDangerKeywordInTheFirstMessageRaisesPriorityWhileQueued() {
		try (StompParticipant sara = this.clients.staff("sara", PASSWORD); Visitor first = joined("relatives");
				Visitor second = joined("relatives")) {
			second.stomp().send("/app/visitor/message", json("id", "m1", "text", "Hej. Min syster är inlåst och hotad."));
			second.stomp().awaitEvent("position", (e) -> Integer.valueOf(1).equals(e.get("position")));
			first.stomp().awaitEvent("position", (e) -> Integer.valueOf(2).equals(e.get("position")));
			assertThat(sara.awaitEvent("urgent")).containsEntry("reason", "KEYWORD");

			// The counsellor reads what was written while queued.
			try (StompParticipant anna = onDuty("anna")) {
				accept(anna, second);
				assertThat(anna.awaitEvent("message")).containsEntry("id", "m1").containsEntry("from", "VISITOR");
			}
		}
	}

	@Test
	void onlyTheFirstMessageIsScannedAndOrdinaryWordsDoNotMatch() {
		try (StompParticipant sara = this.clients.staff("sara", PASSWORD); Visitor first = joined("relatives");
				Visitor second = joined("relatives")) {
			second.stomp().send("/app/visitor/message", json("id", "m1", "text", "Jag vill fara hem till farmor"));
			second.stomp().send("/app/visitor/message", json("id", "m2", "text", "I am in danger"));
			second.stomp().awaitEvent("message", (e) -> "m2".equals(e.get("id")));
			assertThat(lastPosition(second)).containsEntry("position", 2);
			assertThat(sara.events("urgent")).isEmpty();
		}
	}

	@Test
	void afterAnUrgentChatTheCounsellorGetsAPauseBeforeTheNextOffer() {
		try (StompParticipant anna = onDuty("anna"); Visitor inDanger = joined("sells-sex", "danger", true)) {
			String chatId = accept(anna, inDanger);
			anna.send("/app/counsellor/end", json("chatId", chatId));
			anna.awaitEvent("ended");
			try (Visitor next = joined("sells-sex")) {
				this.clock.advance(Duration.ofMinutes(4));
				this.router.expireOffers();
				assertThat(anna.events("offer")).hasSize(1);
				// Picking by hand stays possible; the pause only holds automatic offers.
				this.clock.advance(Duration.ofMinutes(1));
				this.router.expireOffers();
				assertThat(anna.awaitEvent("offer", (e) -> !chatId.equals(e.get("chatId")))).containsEntry("urgent", false);
			}
		}
	}

}
