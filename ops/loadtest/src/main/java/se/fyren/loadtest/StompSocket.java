package se.fyren.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A WebSocket carrying STOMP text frames, on the JDK's own WebSocket client.
 * Sends are queued: the JDK allows one outstanding send per socket.
 */
final class StompSocket implements WebSocket.Listener {

	private final StringBuilder partial = new StringBuilder();

	private final Consumer<StompFrame> frames;

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private WebSocket socket;

	private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

	private StompSocket(Consumer<StompFrame> frames) {
		this.frames = frames;
	}

	static CompletableFuture<StompSocket> open(HttpClient http, URI uri, Map<String, String> handshakeHeaders,
			Consumer<StompFrame> frames) {
		StompSocket listener = new StompSocket(frames);
		WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
		handshakeHeaders.forEach(builder::header);
		return builder.buildAsync(uri, listener).thenApply((socket) -> {
			listener.socket = socket;
			return listener;
		});
	}

	/** Queues the frame for sending; the future completes once it is written. */
	synchronized CompletableFuture<?> send(StompFrame frame) {
		return sendText(frame.encode());
	}

	synchronized CompletableFuture<?> sendText(String text) {
		this.sending = this.sending.handle((done, failure) -> null)
			.thenCompose((ignored) -> this.socket.sendText(text, true));
		return this.sending;
	}

	/** Completes with the server's close status, or -1 when the connection failed without one. */
	CompletableFuture<Integer> closed() {
		return this.closed;
	}

	void close() {
		if (this.socket != null && !this.socket.isOutputClosed()) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally((failure) -> null);
		}
	}

	void abort() {
		if (this.socket != null) {
			this.socket.abort();
		}
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		webSocket.request(1);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			String text = this.partial.toString();
			this.partial.setLength(0);
			StompFrame frame = StompFrame.parse(text);
			if (frame != null) {
				this.frames.accept(frame);
			}
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closed.complete(statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closed.complete(-1);
	}

}
