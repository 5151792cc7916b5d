package se.fyren.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import se.fyren.system.UntrustedText;
import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.RawWebSocket;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * More than 500 hostile inputs against both endpoints: XSS and injection
 * payloads from {@code hostile/inputs.txt} in every field and header,
 * generated control, bidi and malformed Unicode, malformed STOMP, invalid
 * UTF-8, oversized and fragmented frames, deep and huge JSON, and
 * expressions in a selector header. Each is refused with a stable code or
 * delivered as inert text; the server stays up, the attacker's own
 * connection survives what it can, and a chat beside the attack never
 * notices.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fyren.rate-limit.budgets.connection-frames.capacity=1000000",
				"fyren.rate-limit.budgets.chat-message.capacity=1000000",
				"fyren.rate-limit.budgets.queue-join.capacity=1000000",
				"fyren.rate-limit.budgets.visitor-session.capacity=1000000" })
class HostileInputTests extends RunningFyren {

	private final AtomicInteger tried = new AtomicInteger();

	@org.junit.jupiter.api.BeforeAll
	static void pollQuickly() {
		// Hundreds of round trips: Awaitility's default 100 ms first poll would dominate the run.
		org.awaitility.Awaitility.setDefaultPollDelay(Duration.ZERO);
		org.awaitility.Awaitility.setDefaultPollInterval(Duration.ofMillis(5));
	}

	@org.junit.jupiter.api.AfterAll
	static void pollAsUsual() {
		org.awaitility.Awaitility.reset();
	}

	@Test
	void everyHostileInputIsRefusedOrInertAndNobodyElseNotices() {
		List<String> corpus = corpus();
		try (Visitor bystander = this.clients.visitor(); StompParticipant bo = this.clients.staff("bo", "fyren-demo");
				Visitor attacker = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo");
				Visitor idle = this.clients.visitor()) {
			String bystanderChat = ChatFlow.startChat(bystander, bo, "buys-sex");
			String attackerChat = ChatFlow.startChat(attacker, anna, "sells-sex");

			for (String body : hostileJson()) {
				bodyIsRefusedOrHandled(attacker.stomp(), "/app/visitor/message", body);
				bodyIsRefusedOrHandled(anna, "/app/counsellor/typing", body);
			}
			for (String input : corpus) {
				textIsDeliveredInertOrRefused(attacker.stomp(), anna, input, attackerChat);
				fieldIsRefused(idle.stomp(), "/app/visitor/join", json("queue", input), "UNKNOWN_QUEUE", "INVALID_PAYLOAD");
				fieldIsRefused(idle.stomp(), "/app/visitor/join", json("queue", "youth", "language", input),
						"INVALID_PAYLOAD");
				if (!input.matches("[A-Za-z0-9_-]{1,64}")) {
					fieldIsRefused(attacker.stomp(), "/app/visitor/message", json("id", input, "text", "hej"),
							"INVALID_PAYLOAD");
				}
				fieldIsRefused(anna, "/app/counsellor/message", json("chatId", input, "id", "x", "text", "hej"),
						"NOT_A_PARTICIPANT");
				if (input.indexOf('\0') >= 0) {
					// NUL ends a STOMP frame: in a header it makes the frame malformed, tried below on its own.
					continue;
				}
				fieldIsRefused(attacker.stomp(), "/app/visitor/" + input, json(), "UNKNOWN_DESTINATION", "FORBIDDEN");
				// One input is Anna's own message destination: an empty body there is refused as such.
				if (org.springframework.util.StringUtils.hasText(input)) {
					fieldIsRefused(anna, input, json(), "UNKNOWN_DESTINATION", "FORBIDDEN", "NOT_A_PARTICIPANT",
							"INVALID_PAYLOAD");
				}
				tokenIsRefused(input);
			}
			// The longest message allowed, in a script of two and three bytes a character: delivered whole.
			textIsDeliveredInertOrRefused(attacker.stomp(), anna, "ع".repeat(4000), attackerChat);
			textIsDeliveredInertOrRefused(attacker.stomp(), anna, "ก".repeat(4000), attackerChat);
			for (String character : disguises()) {
				textIsDeliveredInertOrRefused(attacker.stomp(), anna, "a" + character + "b", attackerChat);
			}
			selectorsAreRefused(attacker.stomp());
			selectorsAreRefused(anna);
			String cookie = this.clients.login("sara", "fyren-demo");
			for (byte[] frame : malformedStomp()) {
				malformedFrameIsRefused("/ws/visitor", Map.of(), "visitor-token:" + this.clients.newVisitorToken(), frame);
				malformedFrameIsRefused("/ws/staff", Map.of("Cookie", cookie),
						"X-CSRF-TOKEN:" + this.clients.csrfToken(cookie), frame);
			}
			for (byte[] bytes : invalidUtf8()) {
				invalidUtf8IsRefused("/ws/visitor", Map.of(), bytes);
				invalidUtf8IsRefused("/ws/staff", Map.of("Cookie", cookie), bytes);
			}
			oversizedAndFragmentedFrames(cookie);

			// The attacker's own connections survived everything sent over them.
			assertThat(attacker.stomp().connected()).isTrue();
			assertThat(anna.connected()).isTrue();
			// The chat beside the attack carries on, and saw nothing of it.
			bystander.stomp().send("/app/visitor/message", json("id", "still-here", "text", "är du kvar?"));
			bo.awaitEvent("message", (e) -> "still-here".equals(e.get("id")));
			bo.send("/app/counsellor/message", json("chatId", bystanderChat, "id", "yes", "text", "ja"));
			bystander.stomp().awaitEvent("message", (e) -> "yes".equals(e.get("id")));
			assertThat(bystander.stomp().errors()).isEmpty();
			assertThat(bo.errors()).isEmpty();
			assertThat(bystander.stomp().events("message")).hasSize(2);
		}
		// And the server serves new people.
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			ChatFlow.startChat(visitor, anna, "relatives");
		}
		assertThat(this.tried.get()).isGreaterThanOrEqualTo(500);
	}

	private void textIsDeliveredInertOrRefused(StompParticipant sender, StompParticipant receiver, String text,
			String chatId) {
		this.tried.incrementAndGet();
		String id = "h" + this.tried.get();
		int errorsBefore = sender.errors().size();
		sender.sendRaw("/app/visitor/message", "{\"id\":\"" + id + "\",\"text\":" + jsonString(text) + "}");
		await().until(() -> sender.errors().size() > errorsBefore
				|| receiver.events("message").stream().anyMatch((e) -> id.equals(e.get("id"))));
		String expected = UntrustedText.neutralise(text).strip();
		if (expected.isEmpty()) {
			assertThat(sender.errors().get(errorsBefore).get("code")).isEqualTo("INVALID_PAYLOAD");
			return;
		}
		Map<String, Object> delivered = receiver.events("message")
			.stream()
			.filter((e) -> id.equals(e.get("id")))
			.findFirst()
			.orElse(null);
		if (delivered == null) {
			// Only text that is not valid Unicode may be refused, and then as a bad body.
			assertThat(hasLoneSurrogate(text)).as("refused %s: %s", jsonString(text), sender.errors().get(errorsBefore))
				.isTrue();
			assertThat(sender.errors().get(errorsBefore).get("code")).isEqualTo("MALFORMED_PAYLOAD");
			return;
		}
		String shown = (String) delivered.get("text");
		assertThat(shown).isEqualTo(expected);
		assertThat(delivered.get("chatId")).isEqualTo(chatId);
		assertThat(shown.codePoints()).noneMatch((c) -> (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c < 0xA0)
				|| (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
	}

	private static boolean hasLoneSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	private void fieldIsRefused(StompParticipant sender, String destination, Map<String, Object> payload,
			String... codes) {
		this.tried.incrementAndGet();
		int before = sender.errors().size();
		sender.send(destination, payload);
		await(jsonString(destination) + " " + payload).until(() -> sender.errors().size() > before);
		assertThat(sender.errors().get(before).get("code")).as("%s %s", destination, payload).isIn((Object[]) codes);
	}

	private void tokenIsRefused(String token) {
		this.tried.incrementAndGet();
		org.springframework.messaging.simp.stomp.StompHeaders connect = new org.springframework.messaging.simp.stomp.StompHeaders();
		connect.add("visitor-token", token);
		assertThat(this.clients.refusal("/ws/visitor", new org.springframework.web.socket.WebSocketHttpHeaders(), connect))
			.as(token)
			.isIn("UNKNOWN_VISITOR_TOKEN", "MISSING_VISITOR_TOKEN");
	}

	private void bodyIsRefusedOrHandled(StompParticipant sender, String destination, String body) {
		this.tried.incrementAndGet();
		int before = sender.errors().size();
		sender.sendRaw(destination, body);
		sender.send("/app/hostile-probe", json());
		await(abbreviated(body) + " (" + body.length() + " chars) to " + destination).until(() -> sender.errors().stream().skip(before).anyMatch((e) -> "UNKNOWN_DESTINATION".equals(e.get("code"))));
		List<Object> codes = sender.errors().stream().skip(before).map((e) -> e.get("code")).toList();
		assertThat(codes).as(abbreviated(body)).doesNotContain("INTERNAL_ERROR");
	}

	private void selectorsAreRefused(StompParticipant subscriber) {
		for (String selector : new String[] { "T(java.lang.Runtime).getRuntime().exec('touch /tmp/fyren-pwned')",
				"headers['simpSessionId'] != null", "#root.getClass().forName('java.lang.System').exit(1)",
				"payload", "new java.io.File('/tmp/fyren-pwned').createNewFile()" }) {
			this.tried.incrementAndGet();
			int before = subscriber.errors().size();
			subscriber.subscribeWithSelector("/user/queue/events", selector);
			await().until(() -> subscriber.errors().size() > before);
			assertThat(subscriber.errors().get(before).get("code")).isEqualTo("INVALID_PAYLOAD");
		}
		assertThat(Path.of("/tmp/fyren-pwned")).doesNotExist();
	}

	private void malformedFrameIsRefused(String path, Map<String, String> headers, String credential, byte[] frame) {
		this.tried.incrementAndGet();
		try (RawWebSocket socket = RawWebSocket.open(this.port, path, headers)) {
			assertThat(socket.handshakeStatus()).isEqualTo(101);
			socket.connect(credential);
			assertThat(socket.next()).startsWith("CONNECTED");
			socket.text(frame);
			socket.timeout(800);
			String answer = socket.next();
			// Either a STOMP ERROR and the socket closes, or a structured error, or nothing at all for a
			// frame that is still incomplete; never a stack trace.
			assertThat(answer).as(abbreviated(new String(frame, StandardCharsets.UTF_8)))
				.doesNotContain("Exception")
				.doesNotContain("at org.")
				.satisfiesAnyOf((a) -> assertThat(a).startsWith("ERROR\nmessage:MALFORMED_FRAME"),
						(a) -> assertThat(a).startsWith("MESSAGE").contains("\"code\":"),
						(a) -> assertThat(a).startsWith("RECEIPT"),
						(a) -> assertThat(a).startsWith("CLOSE:"), (a) -> assertThat(a).isIn("EOF", "TIMEOUT"));
		}
	}

	private void invalidUtf8IsRefused(String path, Map<String, String> headers, byte[] bytes) {
		this.tried.incrementAndGet();
		try (RawWebSocket socket = RawWebSocket.open(this.port, path, headers)) {
			assertThat(socket.handshakeStatus()).isEqualTo(101);
			socket.text(bytes);
			// 1007: invalid frame payload data.
			assertThat(socket.untilClosed()).contains("CLOSE:1007");
		}
	}

	private void oversizedAndFragmentedFrames(String cookie) {
		for (int size : new int[] { 32769, 65536, 1 << 20 }) {
			this.tried.incrementAndGet();
			try (RawWebSocket socket = RawWebSocket.open(this.port, "/ws/visitor", Map.of())) {
				socket.connect("visitor-token:" + this.clients.newVisitorToken());
				assertThat(socket.next()).startsWith("CONNECTED");
				String body = "{\"id\":\"big\",\"text\":\"" + "x".repeat(size) + "\"}";
				socket.text("SEND\ndestination:/app/visitor/message\ncontent-type:application/json\n\n" + body + "\0");
				// 1009: message too big.
				assertThat(socket.untilClosed()).contains("CLOSE:1009");
			}
		}
		for (int fragments : new int[] { 2, 10, 40 }) {
			this.tried.incrementAndGet();
			try (RawWebSocket socket = RawWebSocket.open(this.port, "/ws/visitor", Map.of())) {
				socket.connect("visitor-token:" + this.clients.newVisitorToken());
				assertThat(socket.next()).startsWith("CONNECTED");
				byte[] chunk = "x".repeat(2000).getBytes(StandardCharsets.UTF_8);
				socket.frame(false, RawWebSocket.TEXT,
						"SEND\ndestination:/app/visitor/message\ncontent-type:application/json\n\n".getBytes(StandardCharsets.UTF_8));
				for (int i = 0; i < fragments; i++) {
					socket.frame(false, RawWebSocket.CONTINUATION, chunk);
				}
				socket.frame(true, RawWebSocket.CONTINUATION, "\0".getBytes(StandardCharsets.UTF_8));
				String answer = socket.untilClosed();
				// Small enough in total: answered as a bad body. Too big in total: closed with 1009.
				assertThat(answer).satisfiesAnyOf((a) -> assertThat(a).contains("CLOSE:1009"),
						(a) -> assertThat(a).contains("MALFORMED_FRAME"), (a) -> assertThat(a).contains("TIMEOUT"));
			}
		}
		// A control frame may not be fragmented or longer than 125 bytes.
		this.tried.incrementAndGet();
		try (RawWebSocket socket = RawWebSocket.open(this.port, "/ws/staff", Map.of("Cookie", cookie))) {
			socket.frame(true, RawWebSocket.PING, new byte[200]);
			assertThat(socket.untilClosed()).containsAnyOf("CLOSE:1002", "EOF");
		}
	}

	static List<String> corpus() {
		try {
			return Files.readAllLines(Path.of("src/test/resources/hostile/inputs.txt"))
				.stream()
				.filter((line) -> !line.isEmpty() && !line.startsWith("# "))
				.map(HostileInputTests::unescape)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every C0 and C1 control, DEL, bidi control, separator and annotation character. */
	static List<String> disguises() {
		List<String> characters = new ArrayList<>();
		for (int c = 0; c < 0x20; c++) {
			characters.add(String.valueOf((char) c));
		}
		for (int c = 0x7F; c < 0xA0; c++) {
			characters.add(String.valueOf((char) c));
		}
		for (int c : new int[] { 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x2028,
				0x2029, 0xFFF9, 0xFFFA, 0xFFFB, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xFEFF, 0x200E, 0x200F }) {
			characters.add(String.valueOf((char) c));
		}
		return characters;
	}

	static List<String> hostileJson() {
		List<String> bodies = new ArrayList<>();
		for (int depth : new int[] { 100, 1000, 5000 }) {
			bodies.add("[".repeat(depth) + "]".repeat(depth));
			bodies.add("{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
			bodies.add("{\"id\":\"d\",\"text\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
		}
		bodies.add("[" + "1,".repeat(8000) + "1]");
		bodies.add("{\"id\":\"n\",\"text\":1e999999}");
		bodies.add("{\"id\":\"n\",\"text\":-0}");
		bodies.add("{\"id\":\"a\",\"id\":\"b\",\"text\":\"dup\"}");
		bodies.add("{\"id\":\"s\",\"text\":\"\\u0000\"}");
		bodies.add("{\"id\":\"s\",\"text\":\"\\ud800\"}");
		bodies.add("{\"chatId\":null,\"typing\":\"yes\"}");
		bodies.add("{\"chatId\":{\"$ne\":null}}");
		bodies.add("{\"@class\":\"java.lang.ProcessBuilder\",\"command\":[\"touch\",\"/tmp/fyren-pwned\"]}");
		bodies.add("[\"java.net.URL\",\"http://evil.example\"]");
		bodies.add("{\"id\":\"c\",\"text\":\"hej\" /* comment */}");
		bodies.add("{'id':'q','text':'single quotes'}");
		bodies.add("{\"id\":\"t\",\"text\":\"hej\"} trailing");
		bodies.add("\uFEFF{\"id\":\"bom\",\"text\":\"hej\"}");
		bodies.add("null");
		bodies.add("\"just a string\"");
		bodies.add("{\"id\":\"" + "i".repeat(20000) + "\",\"text\":\"hej\"}");
		return bodies;
	}

	static List<byte[]> malformedStomp() {
		List<String> frames = new ArrayList<>(List.of("GARBAGE\n\n\0", "HACK\ndestination:/app/visitor/message\n\n\0",
				"send\ndestination:/app/visitor/message\n\n{}\0", "SEND\n\n{}\0", "SEND\ndestination\n\n{}\0",
				"SEND\ndestination:/app/visitor/message\ncontent-length:99999\n\n{}\0",
				"SEND\ndestination:/app/visitor/message\ncontent-length:-5\n\n{}\0",
				"SEND\ndestination:/app/visitor/message\ncontent-length:abc\n\n{}\0",
				"SEND\ndestination:/app/visitor/message\ncontent-type:application/json\n\n{\"id\":\"x\",\"text\":\"no end",
				"SEND\ndestination:/app/visitor/mes\\zsage\n\n{}\0", "SEND\ndestination:/app/\\visitor\n\n{}\0",
				"SEND\r\ndestination:/app/visitor/typing\r\ncontent-type:application/json\r\n\r\n{\"typing\":true}\0",
				"\0\0\0\0", "\n\n\n\n", "SUBSCRIBE\n\n\0", "SUBSCRIBE\nid:1\n\n\0",
				"SUBSCRIBE\nid:1\ndestination:/queue/events\n\n\0",
				"SUBSCRIBE\nid:1\ndestination:/user/visitor:x/queue/events\n\n\0", "UNSUBSCRIBE\n\n\0",
				"ACK\nid:nope\n\n\0", "NACK\nid:nope\n\n\0", "BEGIN\ntransaction:t\n\n\0", "COMMIT\ntransaction:t\n\n\0",
				"ABORT\ntransaction:t\n\n\0", "CONNECTED\nversion:1.2\n\n\0", "MESSAGE\ndestination:/user/queue/events\n\n{}\0",
				"ERROR\nmessage:fake\n\n\0", "RECEIPT\nreceipt-id:1\n\n\0",
				"SEND\ndestination:/app/visitor/message\n" + "x-h:v\n".repeat(5000) + "\n{}\0",
				"SEND\ndestination:/app/visitor/message\nx-long:" + "v".repeat(30000) + "\n\n{}\0",
				"SEND\ndestination:" + "/a".repeat(10000) + "\n\n{}\0",
				"SEND\ndestination:/app/visitor/message\ncontent-type:text/html\n\n<script>alert(1)</script>\0",
				"SEND\ndestination:/app/visitor/message\ncontent-type:application/x-java-serialized-object\n\n\u00ac\u00ed\0",
				"SEND\ndestination:/app/visitor/message\nsimpSessionId:other\nsimpUser:anna\n\n{}\0",
				"SEND\ndestination:/app/visitor/message\nvisitor-token:forged\n\n{}\0",
				"DISCONNECT\nreceipt:77\n\n\0"));
		return frames.stream().map((frame) -> frame.getBytes(StandardCharsets.UTF_8)).toList();
	}

	static List<byte[]> invalidUtf8() {
		int[][] sequences = { { 0xC3, 0x28 }, { 0xA0, 0xA1 }, { 0xE2, 0x28, 0xA1 }, { 0xE2, 0x82, 0x28 },
				{ 0xF0, 0x28, 0x8C, 0xBC }, { 0xF0, 0x90, 0x28, 0xBC }, { 0xF8, 0xA1, 0xA1, 0xA1, 0xA1 }, { 0xFF },
				{ 0xFE }, { 0xC0, 0xAF }, { 0xE0, 0x80, 0xAF }, { 0xED, 0xA0, 0x80 }, { 0xED, 0xBF, 0xBF },
				{ 0xF4, 0x90, 0x80, 0x80 }, { 0xC3 } };
		List<byte[]> frames = new ArrayList<>();
		byte[] prefix = "SEND\ndestination:/app/visitor/message\n\n{\"text\":\"".getBytes(StandardCharsets.UTF_8);
		for (int[] sequence : sequences) {
			byte[] frame = new byte[prefix.length + sequence.length];
			System.arraycopy(prefix, 0, frame, 0, prefix.length);
			for (int i = 0; i < sequence.length; i++) {
				frame[prefix.length + i] = (byte) sequence[i];
			}
			frames.add(frame);
		}
		return frames;
	}

	private static String unescape(String line) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c != '\\' || i + 1 >= line.length()) {
				out.append(c);
				continue;
			}
			char next = line.charAt(++i);
			switch (next) {
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case '0' -> out.append('\0');
				case 'u' -> {
					out.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
					i += 4;
				}
				default -> out.append('\\').append(next);
			}
		}
		return out.toString();
	}

	/** JSON string literal in plain ASCII, so even lone surrogates travel as escapes. */
	static String jsonString(String value) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || c > 0x7E) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

	private static String abbreviated(String text) {
		return (text.length() > 80) ? text.substring(0, 80) + "…" : text;
	}

}
