package se.fyren.routing;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * Nobody is left hanging on someone who is gone: silent visitors are warned
 * and their chats closed, disconnected queued visitors leave the queue, and a
 * dropped counsellor's chats go back to the front of the queue.
 */
class InactivityTests extends RoutingScenario {

	@Autowired
	ChatStore chats;

	@Autowired
	Connections connections;

	/** The server notices a closed socket a moment later; time moves only after it has. */
	private void awaitGone(String participant) {
		await().until(() -> this.connections.disconnectedSince(participant).isPresent());
	}

	private String visitorOf(String chatId) {
		return ConnectionTracker.visitorKey(this.chats.find(chatId).orElseThrow().visitorId());
	}

	@Test
	void aSilentVisitorIsWarnedAndThenTheChatCloses() {
		try (StompParticipant anna = onDuty("anna"); Visitor visitor = joined("sells-sex")) {
			String chatId = accept(anna, visitor);
			this.clock.advance(Duration.ofMinutes(9));
			this.inactivity.sweep();
			this.clock.advance(Duration.ofMinutes(1));
			this.inactivity.sweep();
			assertThat(visitor.stomp().awaitEvent("inactive")).containsEntry("chatId", chatId)
				.containsEntry("closesInSeconds", 120);
			anna.awaitEvent("inactive");
			assertThat(visitor.stomp().events("inactive")).hasSize(1);

			this.clock.advance(Duration.ofMinutes(2));
			this.inactivity.sweep();
			assertThat(visitor.stomp().awaitEvent("ended")).containsEntry("by", "SYSTEM");
			assertThat(anna.awaitEvent("ended")).containsEntry("chatId", chatId);
		}
	}

	@Test
	void writingAfterTheWarningKeepsTheChatOpen() {
		try (StompParticipant anna = onDuty("anna"); Visitor visitor = joined("sells-sex")) {
			String chatId = accept(anna, visitor);
			this.clock.advance(Duration.ofMinutes(10));
			this.inactivity.sweep();
			visitor.stomp().awaitEvent("inactive");
			visitor.stomp().send("/app/visitor/typing", json("typing", true));
			anna.awaitEvent("typing");
			this.clock.advance(Duration.ofMinutes(3));
			this.inactivity.sweep();
			assertThat(this.chats.find(chatId)).map(Chat::status).contains(Chat.Status.ACTIVE);
		}
	}

	@Test
	void aQueuedVisitorWhoClosedTheTabLeavesTheQueueAfterTheGrace() {
		try (StompParticipant anna = this.clients.staff("anna", PASSWORD)) {
			Visitor gone = joined("relatives");
			Visitor back = joined("relatives");
			String goneChat = chatIdOf(gone);
			String backChat = chatIdOf(back);
			gone.close();
			back.close();
			awaitGone(visitorOf(goneChat));
			awaitGone(visitorOf(backChat));
			this.clock.advance(Duration.ofMinutes(1));
			// One returns within the grace and keeps the place.
			try (var resumed = this.clients.resume(back.token(), 0)) {
				resumed.awaitEvent("position");
				this.clock.advance(Duration.ofMinutes(1));
				this.inactivity.sweep();
				assertThat(this.chats.find(goneChat)).map(Chat::status).contains(Chat.Status.ENDED);
				resumed.awaitEvent("position", (e) -> Integer.valueOf(1).equals(e.get("position")));
			}
		}
	}

	@Test
	void aDroppedCounsellorKeepsTheirChatsForTheGraceThenTheyGoToTheFrontOfTheQueue() {
		// Back in the queue a chat keeps its first arrival time: ahead of everyone who came after it.
		StompParticipant anna = onDuty("anna");
		try (Visitor first = joined("sells-sex")) {
			String chatId = accept(anna, first);
			anna.send("/app/counsellor/duty", json("onDuty", false));
			anna.awaitEvent("duty", (e) -> Boolean.FALSE.equals(e.get("onDuty")));
			this.clock.advance(Duration.ofSeconds(30));
			try (Visitor later = joined("sells-sex")) {
				anna.close();
				awaitGone("anna");
				this.clock.advance(Duration.ofMinutes(1));
				this.inactivity.sweep();
				assertThat(this.chats.find(chatId)).map(Chat::counsellor).contains("anna");

				this.clock.advance(Duration.ofMinutes(1));
				this.inactivity.sweep();
				assertThat(first.stomp().awaitEvent("transferred")).containsEntry("counsellorName", null);
				first.stomp().awaitEvent("position", (e) -> Integer.valueOf(1).equals(e.get("position")));
				later.stomp().awaitEvent("position", (e) -> Integer.valueOf(2).equals(e.get("position")));
				try (StompParticipant dragan = onDuty("dragan")) {
					assertThat(dragan.awaitEvent("offer")).containsEntry("chatId", chatId);
				}
			}
		}
	}
}
