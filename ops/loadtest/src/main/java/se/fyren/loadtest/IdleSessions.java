package se.fyren.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

/**
 * Scenario 1: how many idle visitor sessions one node holds, and the heap
 * each costs. An idle visitor has a token, a connected and synced STOMP
 * session and nothing else. The echo floor holds the same number of bare
 * WebSockets.
 */
final class IdleSessions {

	private static final int IN_FLIGHT = 200;

	private IdleSessions() {
	}

	static void run(Settings settings, Nodes nodes, HttpClient http, Report report) throws Exception {
		int sessions = settings.idleSessions();
		double fyren;
		try (ServerProcess node = nodes.fyren("fyren-idle", 0)) {
			fyren = heapPerSession(node, sessions, (i) -> FyrenHttp.newVisitorToken(http, settings.host(i), node.port())
				.thenCompose((token) -> Participant.visitor(http, settings.host(i), node.port(), token))
				.thenApply((visitor) -> visitor::abort));
		}
		double echo;
		try (ServerProcess server = nodes.echo()) {
			echo = heapPerSession(server, sessions,
					(i) -> StompSocket
						.open(http, URI.create("ws://" + settings.host(i) + ":" + server.port() + "/ws"), Map.of(),
								(frame) -> {
								})
						.thenApply((socket) -> socket::abort));
		}
		report.add(Report.Row.judged("1 idle sessions", "heap per session, KB (" + sessions + " sessions)", fyren,
				echo, "≤ 40 KB at 50,000", sessions >= 50_000, fyren <= 40));
	}

	/**
	 * Opens a first batch so that code paths and caches are warm, then
	 * measures the server's heap growth per session over the rest; closes all.
	 */
	private static double heapPerSession(ServerProcess server, int sessions, IntFunction<CompletableFuture<Runnable>> open)
			throws Exception {
		int warm = Math.max(50, Math.min(1000, sessions / 5));
		ConcurrentLinkedQueue<Runnable> closers = new ConcurrentLinkedQueue<>();
		try {
			openAll(0, warm, open, closers);
			long before = server.heapUsedAfterGc();
			openAll(warm, sessions, open, closers);
			long after = server.heapUsedAfterGc();
			return (after - before) / 1024.0 / sessions;
		}
		finally {
			closers.forEach(Runnable::run);
		}
	}

	private static void openAll(int offset, int count, IntFunction<CompletableFuture<Runnable>> open,
			ConcurrentLinkedQueue<Runnable> closers) throws InterruptedException {
		ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
		Semaphore inFlight = new Semaphore(IN_FLIGHT);
		for (int i = offset; i < offset + count; i++) {
			inFlight.acquire();
			open.apply(i).whenComplete((closer, failure) -> {
				if (failure != null) {
					failures.add(failure);
				}
				else {
					closers.add(closer);
				}
				inFlight.release();
			});
		}
		inFlight.acquire(IN_FLIGHT);
		if (!failures.isEmpty()) {
			throw new IllegalStateException(failures.size() + " of " + count + " sessions failed to open",
					failures.peek());
		}
	}

}
