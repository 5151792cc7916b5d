package se.fyren.routing;

import org.junit.jupiter.api.Test;

import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * A counsellor between on and off duty: paused, they keep their chats and
 * may pick one by hand, but get no automatic offers and no transfers.
 */
class PauseTests extends RoutingScenario {

	@Test
	void aPausedCounsellorKeepsTheirChatsButGetsNoOffersOrTransfers() {
		try (StompParticipant anna = onDuty("anna"); Visitor first = joined("sells-sex")) {
			String firstId = offeredChat(anna);
			anna.send("/app/counsellor/pause", json("paused", true));
			anna.awaitEvent("pause", (e) -> Boolean.TRUE.equals(e.get("paused")));
			// The open offer goes back: a paused counsellor is not waited for.
			assertThat(anna.awaitEvent("offer-withdrawn")).containsEntry("chatId", firstId)
				.containsEntry("reason", "UNAVAILABLE");

			// Picking by hand is still theirs to decide, and chats go on.
			anna.send("/app/counsellor/take", json("queue", "sells-sex", "chatId", firstId));
			anna.awaitEvent("chat-assigned", (e) -> firstId.equals(e.get("chatId")));
			first.stomp().awaitEvent("chat-started");
			anna.send("/app/counsellor/message", json("chatId", firstId, "id", "a1", "text", "Still here"));
			first.stomp().awaitEvent("message", (e) -> "a1".equals(e.get("id")));

			try (StompParticipant dragan = onDuty("dragan"); Visitor second = joined("sells-sex")) {
				// Anna has a free place but is paused: the chat goes to Dragan only.
				String secondId = accept(dragan, second);
				this.router.expireOffers();
				assertThat(anna.events("offer")).hasSize(1);

				dragan.send("/app/counsellor/transfer", json("chatId", secondId, "toCounsellor", "anna"));
				assertThat(dragan.awaitError(1)).isEqualTo("COLLEAGUE_UNAVAILABLE");

				int pauseEvents = anna.events("pause").size();
				anna.send("/app/counsellor/pause", json("paused", false));
				await().until(() -> anna.events("pause").size() > pauseEvents);
				dragan.send("/app/counsellor/transfer", json("chatId", secondId, "toCounsellor", "anna"));
				anna.awaitEvent("chat-assigned", (e) -> secondId.equals(e.get("chatId")));
			}
		}
	}

	@Test
	void onlyAnOnDutyCounsellorPausesAndADutyChangeEndsThePause() {
		try (StompParticipant anna = onDuty("anna")) {
			anna.send("/app/counsellor/pause", json("paused", true));
			anna.awaitEvent("pause", (e) -> Boolean.TRUE.equals(e.get("paused")));
			anna.send("/app/counsellor/pause", json());
			assertThat(anna.awaitError(1)).isEqualTo("INVALID_PAYLOAD");

			int pauseEvents = anna.events("pause").size();
			anna.send("/app/counsellor/duty", json("onDuty", false));
			await().until(() -> anna.events("pause").size() > pauseEvents);
			assertThat(anna.events("pause").get(pauseEvents)).containsEntry("paused", false);
			anna.send("/app/counsellor/pause", json("paused", true));
			assertThat(anna.awaitError(2)).isEqualTo("NOT_ON_DUTY");

			// Back on duty, a new shift starts unpaused: the next chat is offered.
			int dutyEvents = anna.events("duty").size();
			anna.send("/app/counsellor/duty", json("onDuty", true));
			await().until(() -> anna.events("duty").size() > dutyEvents);
			try (Visitor visitor = joined("sells-sex")) {
				accept(anna, visitor);
			}
			// A console that syncs learns the pause state with the duty state.
			int beforeSync = anna.events("pause").size();
			anna.send("/app/counsellor/sync", json());
			await().until(() -> anna.events("pause").size() > beforeSync);
			assertThat(anna.events("pause").get(beforeSync)).containsEntry("paused", false);
		}
	}

}
