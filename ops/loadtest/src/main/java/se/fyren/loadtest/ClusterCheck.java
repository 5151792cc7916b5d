package se.fyren.loadtest;

import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Proves a running cluster works end to end: a whole chat through the load
 * balancer, then a chat whose visitor and counsellor are on different nodes,
 * the visitor dropping its connection and resuming on the other node.
 * Exits non-zero with the failed step. Run by ops/local-cluster.sh:
 * {@code java -cp fyren-loadtest.jar se.fyren.loadtest.ClusterCheck LB_PORT NODE_A_PORT NODE_B_PORT}.
 */
public final class ClusterCheck {

	private static final String HOST = "127.0.0.1";

	// Open round the clock in the demo clinics, so the check passes at any hour.
	private static final String QUEUE = "sells-sex";

	private final HttpClient http = HttpClient.newHttpClient();

	private String step = "starting";

	private ClusterCheck() {
	}

	public static void main(String[] args) {
		ClusterCheck check = new ClusterCheck();
		try {
			int balancer = Integer.parseInt(args[0]);
			check.chat("through the load balancer", balancer, balancer, balancer);
			check.chat("across nodes", Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[1]));
			System.out.println("Cluster check passed");
			System.exit(0);
		}
		catch (Exception ex) {
			System.err.println("Cluster check failed while " + check.step + ": " + ex);
			System.exit(1);
		}
	}

	/**
	 * One chat: the visitor starts on one port, the counsellor is on another,
	 * and the visitor resumes on a third after dropping its connection.
	 */
	private void chat(String how, int visitorPort, int counsellorPort, int resumePort) throws Exception {
		String prefix = how + ": ";
		this.step = prefix + "logging in the counsellor";
		String cookie = FyrenHttp.login(HOST, counsellorPort, "anna", "fyren-demo");
		Participant counsellor = await(Participant.counsellor(HttpClient.newHttpClient(), HOST, counsellorPort, cookie));
		this.step = prefix + "going on duty";
		CompletableFuture<String> onDuty = counsellor.next("duty");
		counsellor.send("/app/counsellor/duty", "{\"onDuty\":true}");
		await(onDuty);

		this.step = prefix + "connecting the visitor";
		String token = await(FyrenHttp.newVisitorToken(this.http, HOST, visitorPort));
		Participant visitor = await(Participant.visitor(this.http, HOST, visitorPort, token));
		this.step = prefix + "joining the queue, and the counsellor seeing it";
		CompletableFuture<String> offered = counsellor.next("queues");
		CompletableFuture<String> position = visitor.next("position");
		visitor.send("/app/visitor/join", "{\"queue\":\"" + QUEUE + "\"}");
		await(position);
		await(offered);
		this.step = prefix + "taking the chat";
		CompletableFuture<String> started = visitor.next("chat-started");
		CompletableFuture<String> assigned = counsellor.next("chat-assigned");
		counsellor.send("/app/counsellor/take", "{\"queue\":\"" + QUEUE + "\"}");
		String chatId = Participant.field(await(started), "chatId");
		expect(Participant.field(await(assigned), "chatId").equals(chatId), "the counsellor got another chat");

		this.step = prefix + "the visitor's message reaching the counsellor";
		CompletableFuture<String> atCounsellor = counsellor.next("message");
		visitor.send("/app/visitor/message", "{\"id\":\"v1\",\"text\":\"hello\"}");
		expect(Participant.field(await(atCounsellor), "id").equals("v1"), "another message arrived");
		this.step = prefix + "the counsellor's answer reaching the visitor";
		CompletableFuture<String> atVisitor = visitor.next("message");
		counsellor.send("/app/counsellor/message", "{\"chatId\":\"" + chatId + "\",\"id\":\"c1\",\"text\":\"hi\"}");
		String answer = await(atVisitor);
		// The visitor first sees its own message come back, then the answer.
		if (!Participant.field(answer, "id").equals("c1")) {
			CompletableFuture<String> next = visitor.next("message");
			answer = await(next);
		}
		expect(Participant.field(answer, "id").equals("c1"), "the answer did not arrive");

		this.step = prefix + "the visitor resuming after a dropped connection";
		visitor.abort();
		// Seen: the visitor's own message (seq 1). Missed: the answer.
		Participant resumed = await(Participant.visitor(this.http, HOST, resumePort, token, 1));
		CompletableFuture<String> replayed = resumed.next("message");
		resumed.send("/app/visitor/sync", "{\"afterSeq\":1}");
		expect(Participant.field(await(replayed), "id").equals("c1"), "the missed answer was not replayed");

		this.step = prefix + "ending the chat";
		CompletableFuture<String> ended = counsellor.next("ended");
		resumed.send("/app/visitor/end", "{}");
		await(ended);
		expect(resumed.errors() == 0 && counsellor.errors() == 0,
				"errors: " + resumed.lastError() + " " + counsellor.lastError());
		resumed.close();
		counsellor.close();
		System.out.println("Chat " + how + ": passed");
	}

	private static <T> T await(CompletableFuture<T> future) throws Exception {
		return future.get(15, TimeUnit.SECONDS);
	}

	private static void expect(boolean condition, String otherwise) {
		if (!condition) {
			throw new IllegalStateException(otherwise);
		}
	}

}
