package se.fyren.loadtest;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * Fyren's load tests and benchmarks: starts the servers each scenario needs
 * in their own processes, drives them open loop from this process, and
 * prints every figure beside a raw WebSocket echo server's. Run through
 * {@code ops/loadtest/run.sh}; options are described in ops/benchmarks/README.md.
 */
public final class LoadTest {

	private LoadTest() {
	}

	public static void main(String[] args) throws Exception {
		long startedAt = System.nanoTime();
		Settings settings = Settings.parse(args);
		Path logs = Files.createTempDirectory("fyren-loadtest-");
		System.out.println("Server logs: " + logs);
		Nodes nodes = new Nodes(settings, logs);
		// One client for all visitors: its selector thread serves every socket, and
		// frames are handled on a small pool rather than a thread per socket.
		HttpClient http = HttpClient.newBuilder()
			.executor(Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors())))
			.build();
		Report report = new Report(settings);
		System.out.print(Report.Row.HEADER);
		for (String scenario : settings.scenarios()) {
			try {
				switch (scenario) {
					case "idle" -> IdleSessions.run(settings, nodes, http, report);
					case "messages" -> MessageLatency.run(settings, nodes, http, report);
					case "join" -> JoinToOffer.run(settings, nodes, http, report);
					case "cross-node" -> MessageLatency.runCrossNode(settings, nodes, http, report);
					case "flood" -> MessageLatency.runFlood(settings, nodes, http, report);
					default -> throw new IllegalArgumentException(scenario);
				}
			}
			catch (Exception ex) {
				report.note(scenario + ": not measured: " + ex + " (server logs in " + logs + ")");
			}
		}
		report.took(java.time.Duration.ofNanos(System.nanoTime() - startedAt));
		System.out.println();
		System.out.println(report.markdown());
		if (settings.results() != null) {
			report.appendTo(settings.results());
			System.out.println("Appended to " + settings.results());
		}
		System.exit(0);
	}

}
