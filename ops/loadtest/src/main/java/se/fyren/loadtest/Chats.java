package se.fyren.loadtest;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

	/**
	 * Ends every chat, then drops the connections. Chats left open would be
	 * replayed in full to the counsellors of the next phase, who log in as
	 * the same accounts.
	 */
	void close() {
		List<CompletableFuture<?>> ends = this.visitors.stream()
			.<CompletableFuture<?>>map((visitor) -> visitor.send("/app/visitor/end", "{}"))
			.toList();
		try {
			CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
			// Sent is not yet handled: give the server a moment before the sockets go.
			Thread.sleep(2000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			// A chat that did not end is replayed to the next phase's counsellor; that phase still runs.
		}
		this.visitors.forEach(Participant::abort);
		this.counsellors.forEach(Participant::abort);
	}

}
