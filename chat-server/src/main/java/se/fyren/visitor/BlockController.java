package se.fyren.visitor;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import se.fyren.audit.AuditAction;
import se.fyren.audit.AuditLog;
import se.fyren.conversation.Chat;
import se.fyren.conversation.Conversations;
import se.fyren.conversation.Party;
import se.fyren.system.ErrorCode;
import se.fyren.system.FyrenException;
import se.fyren.transport.Participants;

/**
 * A counsellor blocks the visitor of a chat they hold, for one of the
 * configured durations: the chat ends and that visitor session cannot join a
 * queue again until the block expires. It is a brake on someone abusing the
 * service, not a ban: a new session gets in, and nothing but the session's
 * random id is kept.
 */
@Controller
class BlockController {

	private final Conversations conversations;

	private final VisitorBlocks blocks;

	private final VisitorProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	BlockController(Conversations conversations, VisitorBlocks blocks, VisitorProperties properties, AuditLog audit,
			Clock clock) {
		this.conversations = conversations;
		this.blocks = blocks;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@MessageMapping("/counsellor/block")
	void block(@Payload Block block, Principal principal) {
		Chat chat = this.conversations.chatOfCounsellor(Participants.counsellor(principal), block.chatId());
		Duration duration = this.properties.blockDurations()
			.stream()
			.filter((choice) -> block.seconds() != null && choice.toSeconds() == block.seconds())
			.findFirst()
			.orElseThrow(() -> new FyrenException(ErrorCode.INVALID_PAYLOAD,
					"seconds must be one of the configured block durations"));
		this.blocks.block(chat.visitorId(), this.clock.instant().plus(duration));
		this.audit.record(chat.counsellor(), AuditAction.BLOCK, chat.id());
		this.conversations.end(chat.id(), Party.COUNSELLOR);
	}

	/** The choices the console offers, in seconds, shortest first. */
	@GetMapping("/api/staff/block-durations")
	@ResponseBody
	List<Long> durations() {
		return this.properties.blockDurations().stream().map(Duration::toSeconds).toList();
	}

	record Block(String chatId, Long seconds) {
	}

}
