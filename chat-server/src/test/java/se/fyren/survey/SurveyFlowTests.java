package se.fyren.survey;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * The survey over real WebSockets: one answer per ended chat of one's own,
 * counted by queue and answer only.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class SurveyFlowTests extends RunningFyren {

	@Autowired
	SurveyTally tally;

	@Test
	void anEndedChatIsAnsweredAboutOnceAndCountedAsAnAggregate() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, anna, "youth");
			visitor.stomp().send("/app/visitor/end", Map.of());
			visitor.stomp().awaitEvent("ended");

			visitor.stomp().send("/app/visitor/survey", json("chatId", chatId, "answer", "SOMEWHAT"));
			assertThat(visitor.stomp().awaitEvent("survey-recorded")).containsEntry("chatId", chatId);
			visitor.stomp().send("/app/visitor/survey", json("chatId", chatId, "answer", "NO"));

			assertThat(visitor.stomp().awaitError(1)).isEqualTo("SURVEY_ALREADY_ANSWERED");
			assertThat(this.tally.counts()).singleElement().satisfies((count) -> {
				assertThat(count.queue()).isEqualTo("youth");
				assertThat(count.answer()).isEqualTo(SurveyAnswer.SOMEWHAT);
				assertThat(count.count()).isEqualTo(1);
			});
		}
	}

	@Test
	void aRunningChatOrSomeoneElsesChatCannotBeAnsweredAbout() {
		try (Visitor visitor = this.clients.visitor(); Visitor stranger = this.clients.visitor();
				StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, anna, "youth");

			visitor.stomp().send("/app/visitor/survey", json("chatId", chatId, "answer", "YES"));
			assertThat(visitor.stomp().awaitError(1)).isEqualTo("CHAT_NOT_ENDED");

			visitor.stomp().send("/app/visitor/end", Map.of());
			visitor.stomp().awaitEvent("ended");
			stranger.stomp().send("/app/visitor/survey", json("chatId", chatId, "answer", "NO"));
			assertThat(stranger.stomp().awaitError(1)).isEqualTo("NOT_A_PARTICIPANT");

			visitor.stomp().send("/app/visitor/survey", json("chatId", chatId, "answer", "MAYBE"));
			assertThat(visitor.stomp().awaitError(2)).isEqualTo("MALFORMED_PAYLOAD");
			assertThat(this.tally.counts()).isEmpty();
		}
	}

}
