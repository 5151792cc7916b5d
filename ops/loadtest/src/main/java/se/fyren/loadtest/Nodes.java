package se.fyren.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the servers a scenario needs, each in its own process: Fyren nodes
 * (with load-test counsellor accounts), the echo server and Redis.
 */
final class Nodes {

	/** The queue every load-test chat uses; all counsellors serve it. */
	static final String QUEUE = "sells-sex";

	static final String PASSWORD = "fyren-demo";

	/** BCrypt of {@link #PASSWORD}, the same hash as the demo accounts'. */
	private static final String PASSWORD_HASH = "{bcrypt}$2a$12$TLdm6tTHGGkn1YtjgUc8DuDjoKeG/D7KafKn2MOEX5/QC6bcT9xeS";

	/**
	 * Rate-limit budgets for a load test. Every connection comes from a few
	 * loopback addresses, so the per-address budgets (new visitor sessions,
	 * staff logins) would refuse the load itself; a load-test visitor joins
	 * far more often than a person does. The per-chat and per-connection
	 * budgets stay limits: above the 10 messages/s a normal load-test chat
	 * sends (and the 50 accepts/s of the join scenario's counsellor), far
	 * below a flooding visitor's rate, so the flood scenario measures Fyren
	 * refusing a flood, as it would in service. They are budgets per second,
	 * not per minute: a bucket lets its whole capacity through at once, and a
	 * minute's worth (1,200 messages) from a flooder buried its counsellor's
	 * socket under half a megabyte, past Fyren's send buffer, which cut the
	 * counsellor off.
	 */
	private static final List<String> RATE_LIMITS = List.of(
			"--fyren.rate-limit.budgets.visitor-session.capacity=10000000",
			"--fyren.rate-limit.budgets.visitor-session.period=1m",
			"--fyren.rate-limit.budgets.staff-login.capacity=100000", "--fyren.rate-limit.budgets.staff-login.period=1m",
			"--fyren.rate-limit.budgets.queue-join.capacity=10000000", "--fyren.rate-limit.budgets.queue-join.period=1m",
			"--fyren.rate-limit.budgets.chat-message.capacity=20", "--fyren.rate-limit.budgets.chat-message.period=1s",
			"--fyren.rate-limit.budgets.connection-frames.capacity=100",
			"--fyren.rate-limit.budgets.connection-frames.period=1s");

	private final Settings settings;

	private final Path logs;

	Nodes(Settings settings, Path logs) {
		this.settings = settings;
		this.logs = logs;
	}

	static String counsellor(int n) {
		return "load-" + n;
	}

	/** A Fyren node with the given number of counsellor accounts, ready to serve. */
	ServerProcess fyren(String name, int counsellors, String... extraArguments) throws IOException {
		int port = ServerProcess.freePort();
		List<String> arguments = new ArrayList<>(List.of("-jar", this.settings.fyrenJar().toString(),
				"--server.port=" + port, "--management.server.port=" + ServerProcess.freePort(),
				"--spring.profiles.active=loadtest",
				// Tomcat's default of 8192 connections is far below what one node can hold.
				"--server.tomcat.max-connections=200000", "--server.tomcat.accept-count=4096"));
		arguments.addAll(RATE_LIMITS);
		for (int i = 0; i < counsellors; i++) {
			String account = "--fyren.staff.accounts[" + i + "].";
			arguments.addAll(List.of(account + "username=" + counsellor(i), account + "password-hash=" + PASSWORD_HASH,
					account + "display-name=Counsellor " + i, account + "roles[0]=COUNSELLOR",
					account + "queues[0]=" + QUEUE, account + "max-chats=100"));
		}
		arguments.addAll(List.of(extraArguments));
		ServerProcess node = ServerProcess.start(name,
				ServerProcess.java(this.settings.serverJvmFlags(), arguments.toArray(String[]::new)), port, this.logs);
		awaitReady(node);
		return node;
	}

	ServerProcess echo() throws IOException {
		int port = ServerProcess.freePort();
		String classpath = Path.of(LoadTest.class.getProtectionDomain().getCodeSource().getLocation().getPath())
			.toString();
		return ServerProcess.start("echo",
				ServerProcess.java(this.settings.serverJvmFlags(), "-cp", classpath, EchoServer.class.getName(),
						Integer.toString(port)),
				port, this.logs);
	}

	ServerProcess redis() throws IOException {
		int port = ServerProcess.freePort();
		Path directory = this.logs.resolve("redis");
		directory.toFile().mkdirs();
		return ServerProcess.start("redis",
				List.of("redis-server", "--bind", "127.0.0.1", "--port", Integer.toString(port), "--save", "",
						"--appendonly", "no", "--dir", directory.toString()),
				port, this.logs);
	}

	private static void awaitReady(ServerProcess node) {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/readyz")).build();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
		while (Instant.now().isBefore(deadline)) {
			try {
				if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			ServerProcess.sleep(200);
		}
		throw new IllegalStateException("Fyren did not become ready");
	}

}
