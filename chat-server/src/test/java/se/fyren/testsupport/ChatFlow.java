package se.fyren.testsupport;

import se.fyren.testsupport.FyrenClients.Visitor;

import static se.fyren.testsupport.FyrenClients.json;

/**
 * Steps many tests share.
 */
public final class ChatFlow {

	private ChatFlow() {
	}

	/** Puts the counsellor on duty, queues the visitor and has the counsellor take the chat; returns its id. */
	public static String startChat(Visitor visitor, StompParticipant counsellor, String queue) {
		counsellor.send("/app/counsellor/duty", json("onDuty", true));
		counsellor.awaitEvent("duty", (e) -> Boolean.TRUE.equals(e.get("onDuty")));
		visitor.stomp().send("/app/visitor/join", json("queue", queue));
		visitor.stomp().awaitEvent("position");
		counsellor.send("/app/counsellor/take", json("queue", queue));
		String chatId = (String) visitor.stomp().awaitEvent("chat-started").get("chatId");
		counsellor.awaitEvent("chat-assigned", (e) -> chatId.equals(e.get("chatId")));
		return chatId;
	}

}
