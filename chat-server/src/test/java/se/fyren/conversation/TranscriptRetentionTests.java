package se.fyren.conversation;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.MutableClock;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * An ended chat's transcript stays for the retention window, for the
 * counsellor's notes, and is gone after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "fyren.conversation.transcript-retention=10m")
class TranscriptRetentionTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	TranscriptRetention retention;

	@Autowired
	ChatStore chats;

	@Autowired
	Transcripts transcripts;

	@Test
	void transcriptIsDeletedWhenTheRetentionWindowAfterTheEndHasPassed() {
		FyrenClients clients = new FyrenClients(this.port);
		try (Visitor visitor = clients.visitor(); StompParticipant anna = clients.staff("anna", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, anna, "relatives");
			visitor.stomp().send("/app/visitor/message", json("id", "m1", "text", "something private"));
			anna.awaitEvent("message");
			anna.send("/app/counsellor/end", json("chatId", chatId));
			visitor.stomp().awaitEvent("ended");

			this.clock.advance(Duration.ofMinutes(9));
			this.retention.purgeExpired();
			assertThat(this.transcripts.after(chatId, 0)).hasSize(1);

			this.clock.advance(Duration.ofMinutes(2));
			this.retention.purgeExpired();
			assertThat(this.transcripts.after(chatId, 0)).isEmpty();
			assertThat(this.chats.find(chatId)).isEmpty();

			visitor.stomp().send("/app/visitor/sync", json("afterSeq", 0));
			visitor.stomp().awaitEvent("state", (e) -> "IDLE".equals(e.get("status")));
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(Instant.parse("2026-03-01T20:00:00Z"));
		}

	}

}
