package se.fyren.loadtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one run measures and how hard, from {@code --name=value} arguments.
 * The defaults are the capacity targets for one node; {@code --quick} keeps
 * that scale (so the targets are judged) with shorter measuring windows;
 * {@code --smoke} shrinks everything to prove the harness works.
 *
 * @param scenarios which scenarios to run: idle, messages, join, cross-node, flood
 * @param fyrenJar the Fyren jar to start
 * @param serverJvmFlags JVM flags for every server process (Fyren and echo)
 * @param idleSessions visitor sessions to hold open in the idle scenario
 * @param messageRate messages per second, all chats together
 * @param chats chats carrying the messages
 * @param joinRate visitors joining a queue per second
 * @param warmup load before measuring
 * @param duration measured load
 * @param floodShare share of chats whose visitor floods
 * @param floodRate messages per second each flooding visitor sends
 * @param payloadChars characters of text in every message
 * @param loopbackAddresses how many 127.0.0.x addresses to spread connections
 * over, because one address pair has only about 28,000 ephemeral ports
 * @param label what kind of run this is, printed with the results
 * @param results a Markdown file to append the results to, or null
 * @param command the command line, as the operator typed it
 */
record Settings(Set<String> scenarios, Path fyrenJar, List<String> serverJvmFlags, int idleSessions, int messageRate,
		int chats, int joinRate, Duration warmup, Duration duration, double floodShare, int floodRate, int payloadChars,
		int loopbackAddresses, String label, Path results, String command) {

	static final Set<String> ALL = Set.of("idle", "messages", "join", "cross-node", "flood");

	static Settings parse(String[] args) {
		Map<String, String> given = new LinkedHashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Arguments look like --name=value, not " + arg);
			}
			int equals = arg.indexOf('=');
			given.put(arg.substring(2, (equals < 0) ? arg.length() : equals),
					(equals < 0) ? "true" : arg.substring(equals + 1));
		}
		boolean smoke = given.containsKey("smoke");
		boolean quick = !smoke && given.containsKey("quick");
		Map<String, String> values = new LinkedHashMap<>();
		values.put("scenarios", "idle,messages,join,cross-node,flood");
		values.put("fyren-jar", "chat-server/target/fyren.jar");
		// 50,000 sessions at the 40 KB target are 2 GB; at the 28 KB reached, 1.4 GB.
		values.put("server-jvm-flags", "-Xms2g -Xmx2g -XX:+UseZGC");
		values.put("idle-sessions", smoke ? "300" : "50000");
		values.put("message-rate", smoke ? "200" : "5000");
		values.put("chats", smoke ? "20" : "500");
		values.put("join-rate", smoke ? "10" : "50");
		values.put("warmup", smoke ? "2s" : quick ? "5s" : "20s");
		values.put("duration", smoke ? "5s" : quick ? "15s" : "60s");
		values.put("flood-share", "0.01");
		values.put("flood-rate", smoke ? "200" : "1000");
		values.put("payload-chars", "100");
		values.put("loopback-addresses", "4");
		values.put("label", smoke ? "Smoke run" : quick ? "Quick run" : "Capacity run");
		values.put("results", "");
		values.put("command", "");
		for (Map.Entry<String, String> entry : given.entrySet()) {
			if (!entry.getKey().equals("smoke") && !entry.getKey().equals("quick")
					&& !values.containsKey(entry.getKey())) {
				throw new IllegalArgumentException("Unknown option --" + entry.getKey() + "; known: " + values.keySet());
			}
		}
		values.putAll(given);
		Set<String> scenarios = new LinkedHashSet<>(Arrays.asList(values.get("scenarios").split(",")));
		if (!ALL.containsAll(scenarios)) {
			throw new IllegalArgumentException("Scenarios are " + ALL);
		}
		return new Settings(scenarios, Path.of(values.get("fyren-jar")),
				List.of(values.get("server-jvm-flags").trim().split("\\s+")),
				Integer.parseInt(values.get("idle-sessions")), Integer.parseInt(values.get("message-rate")),
				Integer.parseInt(values.get("chats")), Integer.parseInt(values.get("join-rate")),
				duration(values.get("warmup")), duration(values.get("duration")),
				Double.parseDouble(values.get("flood-share")), Integer.parseInt(values.get("flood-rate")), Integer.parseInt(values.get("payload-chars")),
				Integer.parseInt(values.get("loopback-addresses")), values.get("label"),
				values.get("results").isEmpty() ? null : Path.of(values.get("results")), values.get("command"));
	}

	/** The loopback address for the n-th connection. */
	String host(int n) {
		return "127.0.0." + (1 + n % this.loopbackAddresses);
	}

	private static Duration duration(String text) {
		return Duration.parse("PT" + text.toUpperCase());
	}

}
