package se.fyren.transport;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * Every kind of bad input gets its stable error code, and the same connection
 * goes on working afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "fyren.conversation.max-text-length=50")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class BadInputTests extends RunningFyren {

	@Test
	void malformedJsonIsRefusedAndTheSessionContinues() {
		try (Visitor visitor = this.clients.visitor()) {
			visitor.stomp().sendRaw("/app/visitor/join", "{\"queue\": ");
			assertThat(visitor.stomp().awaitError(1)).isEqualTo("MALFORMED_PAYLOAD");
			visitor.stomp().sendRaw("/app/visitor/join", "[1,2,3]");
			assertThat(visitor.stomp().awaitError(2)).isEqualTo("MALFORMED_PAYLOAD");
			visitor.stomp().sendRaw("/app/visitor/join", "");
			assertThat(visitor.stomp().awaitError(3)).isEqualTo("INVALID_PAYLOAD");
			stillWorks(visitor);
		}
	}

	@Test
	void unknownQueueIsRefused() {
		try (Visitor visitor = this.clients.visitor()) {
			visitor.stomp().send("/app/visitor/join", json("queue", "no-such-queue"));
			assertThat(visitor.stomp().awaitError(1)).isEqualTo("UNKNOWN_QUEUE");
			visitor.stomp().send("/app/visitor/join", json("ageBand", "18-24"));
			assertThat(visitor.stomp().awaitError(2)).isEqualTo("UNKNOWN_QUEUE");
			visitor.stomp().send("/app/visitor/join", json("queue", "youth", "ageBand", "ancient"));
			assertThat(visitor.stomp().awaitError(3)).isEqualTo("INVALID_PAYLOAD");
			stillWorks(visitor);
		}
	}

	@Test
	void textTooLongIsRefusedAndNothingIsStored() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			ChatFlow.startChat(visitor, anna, "sells-sex");
			visitor.stomp().send("/app/visitor/message", json("id", "long", "text", "x".repeat(51)));
			assertThat(visitor.stomp().awaitError(1)).isEqualTo("MESSAGE_TOO_LONG");
			visitor.stomp().send("/app/visitor/message", json("id", "blank", "text", "   "));
			assertThat(visitor.stomp().awaitError(2)).isEqualTo("INVALID_PAYLOAD");
			visitor.stomp().send("/app/visitor/message", json("id", "bad id!", "text", "hi"));
			assertThat(visitor.stomp().awaitError(3)).isEqualTo("INVALID_PAYLOAD");

			visitor.stomp().send("/app/visitor/message", json("id", "ok", "text", "x".repeat(50)));
			assertThat(anna.awaitEvent("message")).containsEntry("id", "ok").containsEntry("seq", 1);
		}
	}

	@Test
	void sendingIntoAChatYouAreNotPartOfIsRefused() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			visitor.stomp().send("/app/visitor/message", json("id", "a", "text", "nobody is here"));
			assertThat(visitor.stomp().awaitError(1)).isEqualTo("NOT_IN_CHAT");
			anna.send("/app/counsellor/message", json("chatId", "made-up", "id", "a", "text", "hello"));
			assertThat(anna.awaitError(1)).isEqualTo("NOT_A_PARTICIPANT");
			stillWorks(visitor);
		}
	}

	@Test
	void unknownDestinationsAreRefused() {
		try (Visitor visitor = this.clients.visitor()) {
			visitor.stomp().send("/app/visitor/nonsense", json());
			assertThat(visitor.stomp().awaitError(1)).isEqualTo("UNKNOWN_DESTINATION");
			visitor.stomp().send("/queue/events", json("type", "ended"));
			assertThat(visitor.stomp().awaitError(2)).isEqualTo("UNKNOWN_DESTINATION");
			visitor.stomp().send("/elsewhere", json());
			assertThat(visitor.stomp().awaitError(3)).isEqualTo("UNKNOWN_DESTINATION");
			visitor.stomp().subscribeRaw("/queue/events");
			assertThat(visitor.stomp().awaitError(4)).isEqualTo("UNKNOWN_DESTINATION");
			stillWorks(visitor);
		}
	}

	@Test
	void counsellorErrorsAreRefusedWithTheirCodes() {
		try (StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			anna.send("/app/counsellor/take", json("queue", "sells-sex"));
			assertThat(anna.awaitError(1)).isEqualTo("NOT_ON_DUTY");
			anna.send("/app/counsellor/duty", json("onDuty", true));
			anna.send("/app/counsellor/take", json("queue", "buys-sex"));
			assertThat(anna.awaitError(2)).isEqualTo("NOT_QUALIFIED");
			anna.send("/app/counsellor/take", json("queue", "sells-sex"));
			assertThat(anna.awaitError(3)).isEqualTo("QUEUE_EMPTY");
			anna.send("/app/visitor/join", json("queue", "sells-sex"));
			assertThat(anna.awaitError(4)).isEqualTo("FORBIDDEN");
		}
	}

	@Test
	void visitorCannotJoinTwice() {
		try (Visitor visitor = this.clients.visitor()) {
			visitor.stomp().send("/app/visitor/join", json("queue", "youth"));
			visitor.stomp().awaitEvent("position");
			visitor.stomp().send("/app/visitor/join", json("queue", "sells-sex"));
			assertThat(visitor.stomp().awaitError(1)).isEqualTo("ALREADY_JOINED");
		}
	}

	private static void stillWorks(Visitor visitor) {
		visitor.stomp().send("/app/visitor/join", json("queue", "relatives"));
		assertThat(visitor.stomp().awaitEvent("position")).containsEntry("position", 1);
	}

}
