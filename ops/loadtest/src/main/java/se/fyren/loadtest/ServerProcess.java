package se.fyren.loadtest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server the harness started in its own process: a Fyren node, the echo
 * server, or Redis. Its output goes to a log file in the run's directory.
 */
final class ServerProcess implements AutoCloseable {

	/** The heap line of G1 ({@code garbage-first heap total …K, used …K}) and of ZGC ({@code ZHeap used …M}). */
	private static final Pattern HEAP_USED = Pattern.compile("(?i)heap\\s.*?used (\\d+)([KMG])");

	private final String name;

	private final Process process;

	private final int port;

	private ServerProcess(String name, Process process, int port) {
		this.name = name;
		this.process = process;
		this.port = port;
	}

	/** Starts the command and waits until the port accepts connections. */
	static ServerProcess start(String name, List<String> command, int port, Path logDirectory) throws IOException {
		Path log = logDirectory.resolve(name + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ServerProcess server = new ServerProcess(name, process, port);
		Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
		while (!accepts(port)) {
			if (!process.isAlive() || Instant.now().isAfter(deadline)) {
				server.close();
				throw new IllegalStateException(name + " did not start; see " + log);
			}
			sleep(100);
		}
		return server;
	}

	/** A Java command line with this JVM's java, the given flags, and the rest. */
	static List<String> java(List<String> jvmFlags, String... rest) {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(jvmFlags);
		command.addAll(List.of(rest));
		return command;
	}

	int port() {
		return this.port;
	}

	long pid() {
		return this.process.pid();
	}

	/** Heap in use after a full collection, from {@code jcmd}. */
	long heapUsedAfterGc() throws IOException, InterruptedException {
		jcmd("GC.run");
		Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
		if (!used.find()) {
			throw new IllegalStateException("Cannot read the heap of " + this.name);
		}
		int shift = switch (used.group(2)) {
			case "K" -> 10;
			case "M" -> 20;
			default -> 30;
		};
		return Long.parseLong(used.group(1)) << shift;
	}

	private String jcmd(String command) throws IOException, InterruptedException {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command).redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("jcmd " + command + " failed: " + output);
		}
		return output;
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	/** A port nobody listens on right now. */
	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
