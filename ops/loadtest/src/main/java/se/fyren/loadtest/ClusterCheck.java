package se.fyren.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proves a running cluster works end to end: a whole chat through the load
 * balancer, then a chat whose visitor and counsellor are on different nodes,
 * the visitor dropping its connection and resuming on the other node; and,
 * given the nodes' management ports and process ids, a chat through the load
 * balancer while the counsellor's node is stopped with SIGTERM: the
 * counsellor is told to reconnect (1012), comes back through the load
 * balancer to the other node, keeps the chat, and every message arrives
 * exactly once on each side.
 * Exits non-zero with the failed step. Run by ops/local-cluster.sh:
 * {@code java -cp fyren-loadtest.jar se.fyren.loadtest.ClusterCheck LB_PORT NODE_A_PORT NODE_B_PORT
 * [NODE_A_MANAGEMENT_PORT NODE_B_MANAGEMENT_PORT NODE_A_PID NODE_B_PID]}.
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
			if (args.length >= 7) {
				check.counsellorsNodeStops(balancer, new int[] { Integer.parseInt(args[3]), Integer.parseInt(args[4]) },
						new long[] { Long.parseLong(args[5]), Long.parseLong(args[6]) });
			}
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

	/**
	 * A chat through the load balancer; the node the counsellor is on is
	 * stopped with SIGTERM in the middle of it, as in a rolling update.
	 */
	private void counsellorsNodeStops(int balancer, int[] managementPorts, long[] pids) throws Exception {
		String prefix = "graceful stop: ";
		this.step = prefix + "starting a chat through the load balancer";
		String cookie = FyrenHttp.login(HOST, balancer, "anna", "fyren-demo");
		Side counsellor = new Side(await(Participant.counsellor(HttpClient.newHttpClient(), HOST, balancer, cookie)));
		CompletableFuture<String> onDuty = counsellor.now.next("duty");
		counsellor.now.send("/app/counsellor/duty", "{\"onDuty\":true}");
		await(onDuty);
		String token = await(FyrenHttp.newVisitorToken(this.http, HOST, balancer));
		Side visitor = new Side(await(Participant.visitor(this.http, HOST, balancer, token)));
		CompletableFuture<String> position = visitor.now.next("position");
		visitor.now.send("/app/visitor/join", "{\"queue\":\"" + QUEUE + "\"}");
		await(position);
		CompletableFuture<String> started = visitor.now.next("chat-started");
		counsellor.now.send("/app/counsellor/take", "{\"queue\":\"" + QUEUE + "\"}");
		String chatId = Participant.field(await(started), "chatId");
		visitor.now.send("/app/visitor/message", "{\"id\":\"v1\",\"text\":\"before\"}");
		counsellor.now.send("/app/counsellor/message", "{\"chatId\":\"" + chatId + "\",\"id\":\"c1\",\"text\":\"before\"}");
		counsellor.awaitIds("v1", "c1");
		visitor.awaitIds("v1", "c1");

		this.step = prefix + "finding the counsellor's node";
		int node = nodeWithStaffSession(managementPorts);
		this.step = prefix + "stopping the counsellor's node with SIGTERM";
		ProcessHandle stopped = ProcessHandle.of(pids[node])
			.orElseThrow(() -> new IllegalStateException("no process " + pids[node]));
		stopped.destroy();
		int status = counsellor.now.closed().get(30, TimeUnit.SECONDS);
		expect(status == 1012, "the counsellor's connection closed with " + status + ", not 1012 Service Restart");
		stopped.onExit().get(60, TimeUnit.SECONDS);
		System.out.println("Node " + (char) ('a' + node) + " stopped; its counsellor was told to reconnect (1012)");

		this.step = prefix + "the visitor writing while the counsellor is away";
		if (visitor.now.closed().isDone()) {
			// The visitor was on the same node: it comes back as the widget does.
			this.step = prefix + "the visitor reconnecting through the load balancer";
			visitor.moveTo(await(Participant.visitor(this.http, HOST, balancer, token, Integer.MAX_VALUE)));
			CompletableFuture<String> state = visitor.now.next("state");
			visitor.now.send("/app/visitor/sync", "{\"afterSeq\":" + visitor.lastSeq() + "}");
			await(state);
		}
		visitor.now.send("/app/visitor/message", "{\"id\":\"v2\",\"text\":\"still there?\"}");
		visitor.awaitIds("v2");

		this.step = prefix + "the counsellor reconnecting through the load balancer and keeping the chat";
		// Connected first without replay (no chat reaches seq Integer.MAX_VALUE), so that nothing arrives
		// before this side listens; then synced as the console does, after the last message it saw.
		counsellor.moveTo(await(Participant.counsellor(HttpClient.newHttpClient(), HOST, balancer, cookie,
				"{\"afterSeq\":{\"" + chatId + "\":" + Integer.MAX_VALUE + "}}")));
		CompletableFuture<String> stillTheirs = counsellor.now.next("chat-assigned");
		counsellor.now.send("/app/counsellor/sync",
				"{\"afterSeq\":{\"" + chatId + "\":" + counsellor.lastSeq() + "}}");
		expect(Participant.field(await(stillTheirs), "chatId").equals(chatId), "the counsellor lost the chat");
		counsellor.awaitIds("v2");

		this.step = prefix + "talking on after the move";
		counsellor.now.send("/app/counsellor/message", "{\"chatId\":\"" + chatId + "\",\"id\":\"c2\",\"text\":\"back\"}");
		visitor.now.send("/app/visitor/message", "{\"id\":\"v3\",\"text\":\"good\"}");
		counsellor.awaitIds("v1", "c1", "v2", "c2", "v3");
		visitor.awaitIds("v1", "c1", "v2", "c2", "v3");
		expect(counsellor.ids().size() == 5 && visitor.ids().size() == 5,
				"a message arrived twice: counsellor " + counsellor.ids() + ", visitor " + visitor.ids());
		expect(counsellor.transferred.isEmpty() && visitor.transferred.isEmpty(), "the chat was transferred");

		this.step = prefix + "ending the chat";
		CompletableFuture<String> ended = visitor.now.next("ended");
		counsellor.now.send("/app/counsellor/end", "{\"chatId\":\"" + chatId + "\"}");
		await(ended);
		CompletableFuture<String> offDuty = counsellor.now.next("duty");
		counsellor.now.send("/app/counsellor/duty", "{\"onDuty\":false}");
		await(offDuty);
		expect(visitor.now.errors() == 0 && counsellor.now.errors() == 0,
				"errors: " + visitor.now.lastError() + " " + counsellor.now.lastError());
		visitor.now.close();
		counsellor.now.close();
		System.out.println("Chat through the load balancer while the counsellor's node stopped: passed");
	}

	private static final Pattern STAFF_SESSIONS = Pattern
		.compile("^fyren_websocket_sessions\\{[^}]*endpoint=\"staff\"[^}]*\\} ([0-9.]+)$", Pattern.MULTILINE);

	/** Which node holds the one staff WebSocket, from each node's metrics. */
	private int nodeWithStaffSession(int[] managementPorts) throws Exception {
		for (int attempt = 0; attempt < 50; attempt++) {
			List<Integer> holding = new ArrayList<>();
			for (int i = 0; i < managementPorts.length; i++) {
				HttpRequest scrape = HttpRequest
					.newBuilder(URI.create("http://" + HOST + ":" + managementPorts[i] + "/actuator/prometheus"))
					.build();
				Matcher sessions = STAFF_SESSIONS.matcher(this.http.send(scrape, HttpResponse.BodyHandlers.ofString()).body());
				if (sessions.find() && Double.parseDouble(sessions.group(1)) >= 1) {
					holding.add(i);
				}
			}
			if (holding.size() == 1) {
				return holding.get(0);
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("no single node holds the counsellor's connection");
	}

	/**
	 * One side of a chat across reconnects: the connection it has now, and
	 * every message and transfer it received on any of them.
	 */
	private static final class Side {

		private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

		final List<String> messages = new CopyOnWriteArrayList<>();

		final List<String> transferred = new CopyOnWriteArrayList<>();

		volatile long lastSeq;

		Participant now;

		Side(Participant first) {
			moveTo(first);
		}

		/** The connection this side has from now on. */
		void moveTo(Participant participant) {
			this.now = participant;
			participant.onEvent((type, body) -> {
				if (type.equals("message")) {
					this.messages.add(Participant.field(body, "id"));
					Matcher seq = SEQ.matcher(body);
					if (seq.find()) {
						this.lastSeq = Math.max(this.lastSeq, Long.parseLong(seq.group(1)));
					}
				}
				else if (type.equals("transferred")) {
					this.transferred.add(body);
				}
			});
		}

		long lastSeq() {
			return this.lastSeq;
		}

		List<String> ids() {
			return List.copyOf(this.messages);
		}

		void awaitIds(String... ids) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
			while (!this.messages.containsAll(List.of(ids))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("missing messages: saw " + this.messages + ", wanted " + List.of(ids));
				}
				Thread.sleep(20);
			}
		}

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
