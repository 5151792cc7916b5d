package se.fyren.conversation;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * Internal notes: the counsellor holding a chat writes them, whoever holds
 * it next and a supervisor following it read them, and the visitor never
 * gets them, whatever they try.
 */
// The console tests' context, so chats left open here never reach the walking-skeleton tests.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "fyren.supervision.refresh-interval=2s")
class InternalNotesTests extends RunningFyren {

	@Test
	void notesReachTheHolderTheNextHolderAndASupervisorButNeverTheVisitor() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo");
				StompParticipant dragan = this.clients.staff("dragan", "fyren-demo");
				StompParticipant sara = this.clients.staff("sara", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, anna, "relatives");
			anna.send("/app/counsellor/note", json("chatId", chatId, "id", "n1", "text", "Secret: ask about <b>Erik</b>"));
			assertThat(anna.awaitEvent("note")).containsEntry("chatId", chatId)
				.containsEntry("id", "n1")
				.containsEntry("author", "Anna")
				.containsEntry("text", "Secret: ask about <b>Erik</b>");

			// A supervisor who starts following gets the notes so far, then new ones.
			sara.send("/app/supervisor/monitor", json("chatId", chatId));
			sara.awaitEvent("note", (e) -> "n1".equals(e.get("id")));
			anna.send("/app/counsellor/note", json("chatId", chatId, "id", "n2", "text", "Secret: second"));
			sara.awaitEvent("note", (e) -> "n2".equals(e.get("id")));
			// A resend is answered, not stored twice.
			anna.send("/app/counsellor/note", json("chatId", chatId, "id", "n2", "text", "Secret: second"));

			// The chat goes to a colleague, who gets every note with the history.
			dragan.send("/app/counsellor/duty", json("onDuty", true));
			dragan.awaitEvent("duty", (e) -> Boolean.TRUE.equals(e.get("onDuty")));
			anna.send("/app/counsellor/transfer", json("chatId", chatId, "toCounsellor", "dragan"));
			dragan.awaitEvent("chat-assigned", (e) -> chatId.equals(e.get("chatId")));
			dragan.awaitEvent("note", (e) -> "n2".equals(e.get("id")));
			assertThat(dragan.events("note")).extracting((e) -> e.get("id")).containsExactly("n1", "n2");
			// Anna no longer holds it: no more notes from her.
			anna.send("/app/counsellor/note", json("chatId", chatId, "id", "n3", "text", "Secret: too late"));
			assertThat(anna.awaitError(1)).isEqualTo("NOT_A_PARTICIPANT");
			dragan.send("/app/counsellor/sync", json());
			dragan.send("/app/counsellor/message", json("chatId", chatId, "id", "d1", "text", "Hello again"));
			visitor.stomp().awaitEvent("message", (e) -> "d1".equals(e.get("id")));

			// Everything the visitor got, after the marker message: no note, no note text.
			assertThat(visitor.stomp().events("note")).isEmpty();
			assertThat(visitor.stomp().events("chat-started").toString()
					+ visitor.stomp().events("message").toString()
					+ visitor.stomp().events("transferred").toString()).doesNotContain("Secret");

			// The visitor cannot write one, nor subscribe anywhere to catch one.
			visitor.stomp().send("/app/counsellor/note", json("chatId", chatId, "id", "v1", "text", "Secret: mine"));
			assertThat(visitor.stomp().awaitError(1)).isEqualTo("FORBIDDEN");
			visitor.stomp().subscribeRaw("/user/dragan/queue/events");
			assertThat(visitor.stomp().awaitError(2)).isIn("FORBIDDEN", "UNKNOWN_DESTINATION");
			// Nor can a supervisor: they read, never write.
			int before = sara.errors().size();
			sara.send("/app/counsellor/note", json("chatId", chatId, "id", "s1", "text", "Secret: supervisor"));
			assertThat(sara.awaitError(before + 1)).isEqualTo("FORBIDDEN");
			dragan.send("/app/counsellor/note", json("chatId", chatId, "id", "d2", "text", "Secret: after"));
			sara.awaitEvent("note", (e) -> "d2".equals(e.get("id")));
			assertThat(sara.events("note")).extracting((e) -> e.get("id")).doesNotContain("s1", "v1");
			assertThat(visitor.stomp().events("note")).isEmpty();

			dragan.send("/app/counsellor/end", json("chatId", chatId));
			visitor.stomp().awaitEvent("ended");
			dragan.send("/app/counsellor/duty", json("onDuty", false));
			anna.send("/app/counsellor/duty", json("onDuty", false));
			dragan.awaitEvent("duty", (e) -> Boolean.FALSE.equals(e.get("onDuty")));
			anna.awaitEvent("duty", (e) -> Boolean.FALSE.equals(e.get("onDuty")));
		}
	}

	@Test
	void aNoteMustBeShortAndNotBlank() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant bo = this.clients.staff("bo", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, bo, "buys-sex");
			bo.send("/app/counsellor/note", json("chatId", chatId, "id", "n1", "text", "  "));
			assertThat(bo.awaitError(1)).isEqualTo("INVALID_PAYLOAD");
			bo.send("/app/counsellor/note", json("chatId", chatId, "id", "n2", "text", "x".repeat(2001)));
			assertThat(bo.awaitError(2)).isEqualTo("MESSAGE_TOO_LONG");
			bo.send("/app/counsellor/note", json("chatId", chatId, "text", "no id"));
			assertThat(bo.awaitError(3)).isEqualTo("INVALID_PAYLOAD");
			assertThat(bo.events("note")).isEmpty();
			bo.send("/app/counsellor/end", json("chatId", chatId));
			visitor.stomp().awaitEvent("ended");
			bo.send("/app/counsellor/duty", json("onDuty", false));
			bo.awaitEvent("duty", (e) -> Boolean.FALSE.equals(e.get("onDuty")));
		}
	}


}
