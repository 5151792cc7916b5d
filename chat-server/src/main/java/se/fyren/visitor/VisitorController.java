package se.fyren.visitor;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.conversation.ConversationEvents.VisitorSynced;
import se.fyren.conversation.Conversations;
import se.fyren.conversation.Party;
import se.fyren.queue.QueueCatalog;
import se.fyren.queue.QueueEvents.Position;
import se.fyren.queue.Reception;
import se.fyren.routing.Intake;
import se.fyren.routing.WaitInformation;
import se.fyren.ratelimit.Limit;
import se.fyren.ratelimit.RateLimits;
import se.fyren.system.ErrorCode;
import se.fyren.system.FyrenException;
import se.fyren.transport.ClientEvent;
import se.fyren.transport.Delivery;
import se.fyren.transport.Participants;

/**
 * What a visitor can do over STOMP. The chat is always the visitor's own,
 * found from their session: a visitor never names a chat, so cannot reach
 * anyone else's.
 */
@Controller
@MessageMapping("/visitor")
class VisitorController {

	private final Reception reception;

	private final Intake intake;

	private final WaitInformation waitInformation;

	private final Conversations conversations;

	private final ChatStore chats;

	private final Delivery delivery;

	private final RateLimits limits;

	private final VisitorBlocks blocks;

	private final Clock clock;

	private final QueueCatalog catalog;

	private final ApplicationEventPublisher events;

	VisitorController(Reception reception, Intake intake, WaitInformation waitInformation,
			Conversations conversations, ChatStore chats, Delivery delivery, RateLimits limits, VisitorBlocks blocks,
			Clock clock, QueueCatalog catalog, ApplicationEventPublisher events) {
		this.catalog = catalog;
		this.events = events;
		this.reception = reception;
		this.intake = intake;
		this.waitInformation = waitInformation;
		this.conversations = conversations;
		this.chats = chats;
		this.delivery = delivery;
		this.limits = limits;
		this.blocks = blocks;
		this.clock = clock;
	}

	@MessageMapping("/join")
	void join(@Payload Join join, Principal principal) {
		Instant now = this.clock.instant();
		this.blocks.blockedUntil(visitorId(principal), now).ifPresent((until) -> {
			throw new FyrenException(ErrorCode.VISITOR_BLOCKED, "The chat is not open to this session for a while",
					Duration.between(now, until));
		});
		this.limits.check(Limit.QUEUE_JOIN, visitorId(principal));
		if (!this.catalog.acceptsGender(join.gender()) || !this.catalog.acceptsMunicipality(join.municipality())) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "gender and municipality must be configured categories");
		}
		Chat chat = this.intake.join(visitorId(principal), join.queue(), join.ageBand(), join.language(),
				Boolean.TRUE.equals(join.danger()));
		if (join.gender() != null || join.municipality() != null) {
			this.chats.update(chat.id(), (current) -> current.describedAs(join.gender(), join.municipality()));
		}
	}

	@MessageMapping("/leave")
	void leave(Principal principal) {
		this.reception.leave(visitorId(principal));
	}

	@MessageMapping("/message")
	void message(@Payload Post post, Principal principal) {
		Chat chat = this.conversations.openChatOfVisitor(visitorId(principal));
		this.limits.check(Limit.CHAT_MESSAGE, chat.id());
		this.conversations.post(chat, Party.VISITOR, post.id(), post.text());
	}

	@MessageMapping("/typing")
	void typing(@Payload Typing typing, Principal principal) {
		this.chats.latestOfVisitor(visitorId(principal))
			.filter((chat) -> chat.status() == Chat.Status.ACTIVE)
			.ifPresent((chat) -> this.conversations.typing(chat, Party.VISITOR, typing.typing()));
	}

	@MessageMapping("/end")
	void end(Principal principal) {
		this.reception.leave(visitorId(principal));
	}

	@MessageMapping("/sync")
	void sync(@Payload(required = false) Sync sync, Principal principal) {
		String visitorId = visitorId(principal);
		Chat chat = this.chats.latestOfVisitor(visitorId).orElse(null);
		Optional<Position> position = (chat != null && chat.status() == Chat.Status.WAITING)
				? this.waitInformation.positionOf(chat) : Optional.empty();
		this.delivery.toVisitor(visitorId, State.of(chat, position.map(Position::position).orElse(0)));
		if (chat != null) {
			// Messages written while queued are replayed too.
			this.conversations.replay(chat, Party.VISITOR, (sync != null) ? sync.afterSeq() : 0);
			this.events.publishEvent(new VisitorSynced(chat));
		}
		position.ifPresent((current) -> this.delivery.toVisitor(visitorId, current));
	}

	private static String visitorId(Principal principal) {
		return Participants.visitor(principal).visitorId();
	}

	record Join(String queue, String ageBand, String language, Boolean danger, String gender, String municipality) {
	}

	record Post(String id, String text) {
	}

	record Typing(boolean typing) {
	}

	record Sync(long afterSeq) {
	}

	/** The visitor's whole situation, sent in answer to sync. */
	@JsonTypeName("state")
	record State(Status status, String queue, int position, String chatId, String counsellor) implements ClientEvent {

		enum Status {

			IDLE, QUEUED, CHATTING, ENDED

		}

		static State of(Chat chat, int position) {
			if (chat == null) {
				return new State(Status.IDLE, null, 0, null, null);
			}
			Status status = switch (chat.status()) {
				case WAITING -> Status.QUEUED;
				case ACTIVE -> Status.CHATTING;
				case ENDED -> Status.ENDED;
			};
			return new State(status, chat.queue(), position, chat.id(), chat.counsellorName());
		}

	}

}
