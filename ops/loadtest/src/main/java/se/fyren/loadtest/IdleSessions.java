package se.fyren.loadtest;

import java.lang.management.ManagementFactory;
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

	/**
	 * File descriptors a process needs besides its sessions: the JVM's own
	 * files, the harness's HTTP connections, Fyren's management port.
	 */
	private static final int FILES_BESIDES_SESSIONS = 1000;

	private IdleSessions() {
	}

	static void run(Settings settings, Nodes nodes, HttpClient http, Report report) throws Exception {
		int sessions = withinOpenFileLimit(settings.idleSessions(), report);
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
	 * Every session is a socket on both ends, so the open-file limit bounds
	 * how many one process can hold; the servers inherit the harness's limit
	 * (run.sh raises it as far as the machine allows). Asking for more would
	 * fail thousands of connections mid-run and measure nothing, so the run
	 * holds as many as fit and says so.
	 */
	private static int withinOpenFileLimit(int sessions, Report report) {
		long limit = ((com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getMaxFileDescriptorCount();
		int fit = (int) Math.min(Integer.MAX_VALUE, limit - FILES_BESIDES_SESSIONS - warmFor(sessions));
		if (sessions <= fit) {
			return sessions;
		}
		report.note("idle: " + fit + " sessions instead of " + sessions + ": this machine's open-file limit is "
				+ limit + " per process (ulimit -Hn), and every session is a socket in the server and in the harness");
		return fit;
	}

	/**
	 * Opens a first batch so that code paths and caches are warm, then
	 * measures the server's heap growth over the given number of sessions
	 * opened after it; closes all.
	 */
	private static double heapPerSession(ServerProcess server, int sessions, IntFunction<CompletableFuture<Runnable>> open)
			throws Exception {
		int warm = warmFor(sessions);
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

	/** The first batch, opened before measuring and not counted. */
	private static int warmFor(int sessions) {
		return Math.max(50, Math.min(1000, sessions / 5));
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
			throw new IllegalStateException(failures.size() + " of " + count + " sessions failed to open, the first with "
					+ failures.peek(), failures.peek());
		}
	}

}
