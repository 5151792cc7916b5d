package se.fyren.loadtest;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Open chats on Fyren for the message scenarios: visitors on one node,
 * counsellors on the same or another node, each chat accepted by the
 * counsellor Fyren offers it to (routing spreads them).
 *
 * @param visitors visitor i is in chat i
 * @param counsellors the counsellors holding the chats
 */
record Chats(List<Participant> visitors, List<Participant> counsellors) {

	static Chats open(Settings settings, HttpClient http, ServerProcess visitorNode, ServerProcess counsellorNode,
			int chats, int counsellors) throws Exception {
		List<Participant> staff = new ArrayList<>();
		for (int i = 0; i < counsellors; i++) {
			String cookie = FyrenHttp.login("127.0.0.1", counsellorNode.port(), Nodes.counsellor(i), Nodes.PASSWORD);
			Participant counsellor = Participant.counsellor(HttpClient.newHttpClient(), "127.0.0.1",
					counsellorNode.port(), cookie)
				.get(30, TimeUnit.SECONDS);
			var onDuty = counsellor.next("duty");
			counsellor.send("/app/counsellor/duty", "{\"onDuty\":true}");
			onDuty.get(30, TimeUnit.SECONDS);
			counsellor.onEvent((type, body) -> {
				if (type.equals("offer")) {
					counsellor.send("/app/counsellor/accept",
							"{\"chatId\":\"" + Participant.field(body, "chatId") + "\"}");
				}
			});
			staff.add(counsellor);
		}
		List<Participant> visitors = new ArrayList<>();
		for (int i = 0; i < chats; i++) {
			String host = settings.host(i);
			String token = FyrenHttp.newVisitorToken(http, host, visitorNode.port()).get(30, TimeUnit.SECONDS);
			Participant visitor = Participant.visitor(http, host, visitorNode.port(), token).get(30, TimeUnit.SECONDS);
			var started = visitor.next("chat-started");
			visitor.send("/app/visitor/join", "{\"queue\":\"" + Nodes.QUEUE + "\"}");
			started.get(30, TimeUnit.SECONDS);
			visitors.add(visitor);
		}
		return new Chats(List.copyOf(visitors), List.copyOf(staff));
	}

	/** Counsellors for this many chats: a real counsellor holds a few at once. */
	static int counsellorsFor(int chats) {
		return Math.max(1, Math.min(40, chats / 10));
	}

	void close() {
		this.visitors.forEach(Participant::abort);
		this.counsellors.forEach(Participant::abort);
	}

}
