package se.fyren.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.RedisTestStore;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * {@link TranscriptRetentionTests} in cluster mode, where Redis also expires
 * what the purge would delete.
 */
@Import(TranscriptRetentionTests.Clocks.class)
class RedisTranscriptRetentionTests extends TranscriptRetentionTests {

	static final RedisTestStore store = new RedisTestStore();

	@Autowired
	RedisChatKeys keys;

	@DynamicPropertySource
	static void clusterMode(DynamicPropertyRegistry registry) {
		store.register(registry);
	}

	@AfterAll
	static void removeKeys() {
		store.close();
	}

	@Test
	void anOutcomeGivenLateKeepsTheChatNoLongerThanItsEnd() {
		FyrenClients clients = new FyrenClients(this.port);
		try (Visitor visitor = clients.visitor(); StompParticipant anna = clients.staff("anna", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, anna, "relatives");
			visitor.stomp().send("/app/visitor/message", json("id", "m1", "text", "something private"));
			anna.awaitEvent("message");
			visitor.stomp().send("/app/visitor/end", json());
			anna.awaitEvent("ended", (e) -> chatId.equals(e.get("chatId")));
			Instant endedAt = this.chats.find(chatId).orElseThrow().endedAt();

			this.clock.advance(Duration.ofMinutes(5));
			anna.send("/app/counsellor/outcome", json("chatId", chatId, "outcome", "support"));
			anna.awaitEvent("outcome-recorded", (e) -> chatId.equals(e.get("chatId")));

			long left = Duration.between(this.clock.instant(), endedAt.plus(this.keys.endedTtl())).toMillis();
			assertThat(List.of(this.keys.chat(chatId), this.keys.messages(chatId)))
				.allSatisfy((key) -> assertThat(store.template().getExpire(key, TimeUnit.MILLISECONDS)).as(key)
					.isPositive()
					.isLessThanOrEqualTo(left));
		}
	}

}
