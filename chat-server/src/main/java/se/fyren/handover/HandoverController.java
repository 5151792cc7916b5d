package se.fyren.handover;

import java.security.Principal;
import java.util.List;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

import se.fyren.conversation.Chat;
import se.fyren.conversation.Conversations;
import se.fyren.transport.Participants;

/**
 * The handover consent and the drafting of a report of concern over STOMP. The counsellor names their chat; the
 * visitor's answer always applies to their own active chat.
 */
@Controller
class HandoverController {

	private final Handovers handovers;

	private final ConcernReports concerns;

	private final Conversations conversations;

	HandoverController(Handovers handovers, ConcernReports concerns, Conversations conversations) {
		this.handovers = handovers;
		this.concerns = concerns;
		this.conversations = conversations;
	}

	@MessageMapping("/counsellor/handover/propose")
	void propose(@Payload Proposal proposal, Principal principal) {
		Chat chat = this.conversations.chatOfCounsellor(Participants.counsellor(principal), proposal.chatId());
		this.handovers.propose(chat, proposal.unit(), proposal.summary(), proposal.excerptSeqs());
	}

	@MessageMapping("/counsellor/concern/draft")
	void draftConcern(@Payload ConcernDraft draft, Principal principal) {
		Chat chat = this.conversations.chatOfCounsellor(Participants.counsellor(principal), draft.chatId());
		this.concerns.draft(chat, draft.disclosure(), draft.excerptSeqs());
	}

	@MessageMapping("/visitor/handover/confirm")
	void confirm(@Payload Confirmation confirmation, Principal principal) {
		Chat chat = this.conversations.activeChatOfVisitor(Participants.visitor(principal).visitorId());
		this.handovers.confirm(chat, confirmation.proposalId(), confirmation.contact());
	}

	@MessageMapping("/visitor/handover/decline")
	void decline(@Payload Refusal refusal, Principal principal) {
		Chat chat = this.conversations.activeChatOfVisitor(Participants.visitor(principal).visitorId());
		this.handovers.decline(chat, refusal.proposalId());
	}

	record Proposal(String chatId, String unit, String summary, List<Long> excerptSeqs) {
	}

	record ConcernDraft(String chatId, String disclosure, List<Long> excerptSeqs) {
	}

	record Confirmation(String proposalId, String contact) {
	}

	record Refusal(String proposalId) {
	}

}
