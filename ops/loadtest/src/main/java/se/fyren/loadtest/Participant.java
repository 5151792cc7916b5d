package se.fyren.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * A visitor or counsellor connected to Fyren over STOMP, subscribed to its
 * events and errors, synced, and ready to talk.
 */
final class Participant {

	private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

	private final CompletableFuture<Void> connected = new CompletableFuture<>();

	private final AtomicLong errors = new AtomicLong();

	private volatile BiConsumer<String, String> onEvent = (type, body) -> {
	};

	private volatile String lastError = "";

	private StompSocket socket;

	private Participant() {
	}

	/** Connects a visitor with a token from {@link FyrenHttp#newVisitorToken}. */
	static CompletableFuture<Participant> visitor(HttpClient http, String host, int port, String token) {
		return visitor(http, host, port, token, 0);
	}

	/**
	 * Connects a returning visitor, as the widget does after a dropped
	 * connection: the sync asks for what came after the last message seen.
	 */
	static CompletableFuture<Participant> visitor(HttpClient http, String host, int port, String token, long afterSeq) {
		return connect(http, URI.create("ws://" + host + ":" + port + "/ws/visitor"), Map.of(),
				StompFrame.of("CONNECT", "accept-version", "1.2", "host", host, "heart-beat", "0,0", "visitor-token",
						token),
				"/app/visitor/sync", "{\"afterSeq\":" + afterSeq + "}", "state");
	}

	/** Connects a counsellor with the session cookie from {@link FyrenHttp#login}. */
	static CompletableFuture<Participant> counsellor(HttpClient http, String host, int port, String cookie) {
		return counsellor(http, host, port, cookie, "{}");
	}

	/**
	 * Connects a counsellor with the given sync payload, as the console does
	 * after a dropped connection: {@code {"afterSeq":{"chat id":seq}}}.
	 */
	static CompletableFuture<Participant> counsellor(HttpClient http, String host, int port, String cookie,
			String sync) {
		// The staff CONNECT carries the session's CSRF token, as the console sends it.
		return FyrenHttp.csrfToken(http, host, port, cookie)
			.thenCompose((csrf) -> connect(http, URI.create("ws://" + host + ":" + port + "/ws/staff"),
					Map.of("Cookie", cookie), StompFrame.of("CONNECT", "accept-version", "1.2", "host", host,
							"heart-beat", "0,0", "X-CSRF-TOKEN", csrf),
					"/app/counsellor/sync", sync, "duty"));
	}

	private static CompletableFuture<Participant> connect(HttpClient http, URI uri, Map<String, String> handshake,
			StompFrame connect, String syncDestination, String syncBody, String syncAnswer) {
		Participant participant = new Participant();
		return StompSocket.open(http, uri, handshake, participant::onFrame).thenCompose((socket) -> {
			participant.socket = socket;
			socket.send(connect);
			return participant.connected;
		}).thenCompose((ignored) -> {
			participant.socket.send(StompFrame.of("SUBSCRIBE", "id", "0", "destination", "/user/queue/events"));
			participant.socket.send(StompFrame.of("SUBSCRIBE", "id", "1", "destination", "/user/queue/errors"));
			CompletableFuture<String> synced = participant.next(syncAnswer);
			participant.send(syncDestination, syncBody);
			return synced;
		}).thenApply((ignored) -> participant);
	}

	/** Sends a JSON payload to an application destination. */
	CompletableFuture<?> send(String destination, String json) {
		return this.socket.send(StompFrame.send(destination, json));
	}

	/** Sends pre-encoded frame text, so a hot loop builds it only once. */
	CompletableFuture<?> sendText(String frame) {
		return this.socket.sendText(frame);
	}

	/** The next event of the type. */
	CompletableFuture<String> next(String type) {
		Waiter waiter = new Waiter(type, new CompletableFuture<>());
		this.waiters.add(waiter);
		return waiter.event();
	}

	/** Handles every event from now on, with its type and JSON body. */
	void onEvent(BiConsumer<String, String> handler) {
		this.onEvent = handler;
	}

	long errors() {
		return this.errors.get();
	}

	String lastError() {
		return this.lastError;
	}

	/** Completes with the close status when the server closes the connection. */
	CompletableFuture<Integer> closed() {
		return this.socket.closed();
	}

	void close() {
		this.socket.close();
	}

	void abort() {
		this.socket.abort();
	}

	private void onFrame(StompFrame frame) {
		switch (frame.command()) {
			case "CONNECTED" -> this.connected.complete(null);
			case "ERROR" -> this.connected
				.completeExceptionally(new IllegalStateException("Refused: " + frame.headers().get("message")));
			case "MESSAGE" -> {
				if ("1".equals(frame.headers().get("subscription"))) {
					this.errors.incrementAndGet();
					this.lastError = frame.body();
					return;
				}
				String type = typeOf(frame.body());
				for (Waiter waiter : this.waiters) {
					if (waiter.type().equals(type) && this.waiters.remove(waiter)) {
						waiter.event().complete(frame.body());
					}
				}
				this.onEvent.accept(type, frame.body());
			}
			default -> {
			}
		}
	}

	/** The {@code type} of a Fyren event, which Fyren writes first. */
	static String typeOf(String json) {
		return field(json, "type");
	}

	/** A string field of a flat JSON object, without parsing all of it. */
	static String field(String json, String name) {
		String key = "\"" + name + "\":\"";
		int start = json.indexOf(key);
		if (start < 0) {
			return "";
		}
		start += key.length();
		return json.substring(start, json.indexOf('"', start));
	}

	private record Waiter(String type, CompletableFuture<String> event) {
	}

}
