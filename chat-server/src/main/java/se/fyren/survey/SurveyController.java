package se.fyren.survey;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.system.ErrorCode;
import se.fyren.system.FyrenException;
import se.fyren.transport.ClientEvent;
import se.fyren.transport.Delivery;
import se.fyren.transport.Participants;

/**
 * The visitor's answer to the one question after a chat. Only the visitor's
 * own ended chat can be answered about, once; the answer is counted, not kept.
 */
@Controller
class SurveyController {

	private final ChatStore chats;

	private final SurveyTally tally;

	private final Delivery delivery;

	private final Clock clock;

	SurveyController(ChatStore chats, SurveyTally tally, Delivery delivery, Clock clock) {
		this.chats = chats;
		this.tally = tally;
		this.delivery = delivery;
		this.clock = clock;
	}

	@MessageMapping("/visitor/survey")
	void answer(@Payload Answer answer, Principal principal) {
		String visitorId = Participants.visitor(principal).visitorId();
		if (answer.chatId() == null || answer.answer() == null) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "chatId and answer (YES, SOMEWHAT, NO) are required");
		}
		// Someone else's chat looks exactly like no chat: ids reveal nothing.
		Chat chat = this.chats.find(answer.chatId())
			.filter((found) -> found.visitorId().equals(visitorId))
			.orElseThrow(() -> new FyrenException(ErrorCode.NOT_A_PARTICIPANT, "No such chat of yours"));
		if (chat.isOpen()) {
			throw new FyrenException(ErrorCode.CHAT_NOT_ENDED, "The survey opens when the chat has ended");
		}
		if (!this.tally.record(chat.id(), LocalDate.now(this.clock), chat.queue(), answer.answer(), this.clock.instant())) {
			throw new FyrenException(ErrorCode.SURVEY_ALREADY_ANSWERED, "This chat has been answered about already");
		}
		this.delivery.toVisitor(visitorId, new Recorded(chat.id()));
	}

	record Answer(String chatId, SurveyAnswer answer) {
	}

	/** To the visitor: the answer is counted. */
	@JsonTypeName("survey-recorded")
	record Recorded(String chatId) implements ClientEvent {
	}

}
