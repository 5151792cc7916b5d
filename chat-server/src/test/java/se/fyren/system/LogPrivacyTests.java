package se.fyren.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.web.socket.WebSocketHttpHeaders;

import se.fyren.testsupport.FyrenClients;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * Reads everything the server logged during a whole chat, with bad input and
 * refused connections on the way, and finds no token and no message text.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTests extends RunningFyren {

	private static final String SECRET_TEXT = "canary-text-Malmo-0701234567";

	@Test
	void aFullChatLogsNoTokenAndNoMessageText(CapturedOutput output) {
		FyrenClients clients = this.clients;
		String token;
		try (Visitor visitor = clients.visitor(); StompParticipant anna = clients.staff("anna", "fyren-demo")) {
			token = visitor.token();
			anna.send("/app/counsellor/duty", json("onDuty", true));
			visitor.stomp().send("/app/visitor/join", json("queue", "sells-sex"));
			visitor.stomp().awaitEvent("position");
			anna.send("/app/counsellor/take", json("queue", "sells-sex"));
			String chatId = (String) visitor.stomp().awaitEvent("chat-started").get("chatId");
			visitor.stomp().send("/app/visitor/message", json("id", "m1", "text", SECRET_TEXT));
			anna.awaitEvent("message");
			visitor.stomp().sendRaw("/app/visitor/message", "{\"id\":\"m2\",\"text\":\"" + SECRET_TEXT);
			visitor.stomp().awaitError(1);
			visitor.stomp().send("/app/visitor/message", json("id", "m3", "text", SECRET_TEXT.repeat(500)));
			visitor.stomp().awaitError(2);
			anna.send("/app/counsellor/end", json("chatId", chatId));
			visitor.stomp().awaitEvent("ended");
		}
		StompHeaders forged = new StompHeaders();
		forged.add("visitor-token", token + "x");
		assertThat(clients.refusal("/ws/visitor", new WebSocketHttpHeaders(), forged)).isEqualTo("UNKNOWN_VISITOR_TOKEN");

		assertThat(output.getAll()).contains("joined queue sells-sex")
			.doesNotContain(token)
			.doesNotContain(SECRET_TEXT)
			.doesNotContain("canary");
	}

}
