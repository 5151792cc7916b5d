package se.fyren.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Scenarios 2, 4 and 5: message latency from a visitor's send to its
 * counsellor's screen at a fixed rate; across two nodes; and with a flooding
 * share of visitors. The echo floor sends the same frames over as many raw
 * sockets and measures their way back.
 */
final class MessageLatency {

	private MessageLatency() {
	}

	static void run(Settings settings, Nodes nodes, HttpClient http, Report report) throws Exception {
		OpenLoop.Result echo = echo(settings, nodes, http, 0);
		OpenLoop.Result fyren;
		try (ServerProcess node = nodes.fyren("fyren-messages", Chats.counsellorsFor(settings.chats()))) {
			fyren = fyren(settings, http, node, node, 0).arrived("messages");
		}
		String load = " at " + settings.messageRate() + "/s";
		report.add(new Report.Row("2 messages", "p50 ms" + load, fyren.p(50), echo.p(50)));
		report.add(Report.Row.judged("2 messages", "p99 ms" + load, fyren.p(99), echo.p(99),
				"≤ 5 ms and ≤ 10× echo at 5,000/s", settings.messageRate() >= 5000,
				fyren.p(99) <= 5 && fyren.p(99) <= 10 * echo.p(99)));
		report.add(new Report.Row("2 messages", "p99.9 ms" + load, fyren.p(99.9), echo.p(99.9)));
		report.add(new Report.Row("2 messages", "messages lost", fyren.lost(), echo.lost(), "0", fyren.lost() == 0));
	}

	static void runFlood(Settings settings, Nodes nodes, HttpClient http, Report report) throws Exception {
		int flooders = Math.max(1, (int) Math.round(settings.chats() * settings.floodShare()));
		OpenLoop.Result echoCalm = echo(settings, nodes, http, 0);
		OpenLoop.Result echoFlooded = echo(settings, nodes, http, flooders);
		OpenLoop.Result calm;
		OpenLoop.Result flooded;
		try (ServerProcess node = nodes.fyren("fyren-flood", Chats.counsellorsFor(settings.chats()))) {
			calm = fyren(settings, http, node, node, 0).arrived("flood, calm");
			flooded = fyren(settings, http, node, node, flooders).arrived("flood, flooded");
		}
		double slowdown = flooded.p(99) / calm.p(99);
		report.add(new Report.Row("5 flood", "p99 ms of the others, calm", calm.p(99), echoCalm.p(99)));
		report.add(new Report.Row("5 flood", "p99 ms of the others, " + flooders + " flooding", flooded.p(99),
				echoFlooded.p(99)));
		report.add(Report.Row.judged("5 flood", "others' p99 slowdown (flooded / calm)", slowdown,
				echoFlooded.p(99) / echoCalm.p(99), "≤ 1.5×", settings.messageRate() >= 5000, slowdown <= 1.5));
	}

	static void runCrossNode(Settings settings, Nodes nodes, HttpClient http, Report report) throws Exception {
		String prefix = "loadtest:" + Long.toHexString(System.nanoTime()) + ":";
		OpenLoop.Result same;
		OpenLoop.Result cross;
		try (ServerProcess redis = nodes.redis()) {
			String[] cluster = { "--fyren.store=redis", "--spring.data.redis.host=127.0.0.1",
					"--spring.data.redis.port=" + redis.port(), "--fyren.redis.key-prefix=" + prefix,
					"--fyren.encryption.keys.load=" + randomKey(), "--fyren.encryption.active-key=load" };
			int counsellors = Chats.counsellorsFor(settings.chats());
			try (ServerProcess a = nodes.fyren("fyren-a", counsellors, cluster);
					ServerProcess b = nodes.fyren("fyren-b", counsellors, cluster)) {
				// Both nodes warm up on the cross-node path before anything is measured: otherwise the first
				// phase alone pays for compiling both nodes' code and the comparison favours the second.
				fyren(settings, http, a, b, 0, settings.warmup(), 0);
				same = fyren(settings, http, a, a, 0).arrived("cross-node, one node");
				cross = fyren(settings, http, a, b, 0).arrived("cross-node, two nodes");
			}
		}
		OpenLoop.Result echo = echo(settings, nodes, http, 0);
		double extra = cross.p(99) - same.p(99);
		report.add(new Report.Row("4 cross-node", "p99 ms, both on one node (Redis)", same.p(99), echo.p(99)));
		report.add(new Report.Row("4 cross-node", "p99 ms, visitor and counsellor on different nodes", cross.p(99),
				echo.p(99)));
		report.add(Report.Row.judged("4 cross-node", "extra p99 ms across nodes", extra, echo.p(99), "≤ 3 ms",
				settings.messageRate() >= 5000, extra <= 3));
		report.add(new Report.Row("4 cross-node", "messages lost, both on one node", same.lost(), echo.lost(), "0",
				same.lost() == 0));
		report.add(new Report.Row("4 cross-node", "messages lost, on different nodes", cross.lost(), echo.lost(), "0",
				cross.lost() == 0));
	}

	/** A throwaway AES key: cluster mode encrypts what it keeps in Redis. */
	private static String randomKey() {
		byte[] key = new byte[32];
		new java.security.SecureRandom().nextBytes(key);
		return java.util.Base64.getEncoder().encodeToString(key);
	}

	private static OpenLoop.Result fyren(Settings settings, HttpClient http, ServerProcess visitorNode,
			ServerProcess counsellorNode, int flooders) throws Exception {
		return fyren(settings, http, visitorNode, counsellorNode, flooders, settings.warmup(),
				settings.duration().toNanos());
	}

	private static OpenLoop.Result fyren(Settings settings, HttpClient http, ServerProcess visitorNode,
			ServerProcess counsellorNode, int flooders, java.time.Duration warmup, long durationNanos) throws Exception {
		Chats chats = Chats.open(settings, http, visitorNode, counsellorNode, settings.chats(),
				Chats.counsellorsFor(settings.chats()));
		try {
			OpenLoop loop = new OpenLoop(settings.payloadChars());
			for (Participant counsellor : chats.counsellors()) {
				counsellor.onEvent((type, body) -> {
					if (type.equals("message")) {
						loop.received(body);
					}
				});
			}
			List<Function<String, CompletableFuture<?>>> senders = new ArrayList<>();
			List<Function<String, CompletableFuture<?>>> flooding = new ArrayList<>();
			for (int i = 0; i < chats.visitors().size(); i++) {
				Participant visitor = chats.visitors().get(i);
				Function<String, CompletableFuture<?>> send = (json) -> visitor.sendText(
						StompFrame.send("/app/visitor/message", json).encode());
				(i < flooders ? flooding : senders).add(send);
			}
			return loop.run(senders, flooding, settings.messageRate(), settings.floodRate(), warmup.toNanos(),
					durationNanos);
		}
		finally {
			chats.close();
		}
	}

	static OpenLoop.Result echo(Settings settings, Nodes nodes, HttpClient http, int flooders) throws Exception {
		try (ServerProcess server = nodes.echo()) {
			OpenLoop loop = new OpenLoop(settings.payloadChars());
			List<StompSocket> sockets = new ArrayList<>();
			List<Function<String, CompletableFuture<?>>> senders = new ArrayList<>();
			List<Function<String, CompletableFuture<?>>> flooding = new ArrayList<>();
			for (int i = 0; i < settings.chats(); i++) {
				StompSocket socket = StompSocket
					.open(http, URI.create("ws://" + settings.host(i) + ":" + server.port() + "/ws"), Map.of(),
							(frame) -> loop.received(frame.body()))
					.get(30, TimeUnit.SECONDS);
				sockets.add(socket);
				Function<String, CompletableFuture<?>> send = (json) -> socket
					.sendText(StompFrame.send("/app/visitor/message", json).encode());
				(i < flooders ? flooding : senders).add(send);
			}
			try {
				return loop.run(senders, flooding, settings.messageRate(), settings.floodRate(), settings.warmup().toNanos(),
						settings.duration().toNanos());
			}
			finally {
				sockets.forEach(StompSocket::abort);
			}
		}
	}

}
