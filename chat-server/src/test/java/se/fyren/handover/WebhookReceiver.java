package se.fyren.handover;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A receiving unit's webhook endpoint for tests: a real HTTP server on a
 * random port that answers 500 to the first requests it is told to fail, and
 * 204 after that. Keeps every request it got.
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private volatile Duration answerDelay = Duration.ZERO;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	WebhookReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			// Answers requests side by side, as a real unit's server would: a second sender is never held back.
			this.server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext("/handovers", this::handle);
		this.server.start();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		// A slow unit: the sending node is still waiting while other nodes poll again.
		try {
			Thread.sleep(this.answerDelay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		boolean fail = this.failuresLeft.getAndUpdate((left) -> Math.max(0, left - 1)) > 0;
		this.received.add(new Received(exchange.getRequestHeaders().getFirst(HandoverWebhook.ID_HEADER),
				exchange.getRequestHeaders().getFirst(HandoverWebhook.TIMESTAMP_HEADER),
				exchange.getRequestHeaders().getFirst(HandoverWebhook.SIGNATURE_HEADER), body, fail ? 500 : 204));
		exchange.sendResponseHeaders(fail ? 500 : 204, -1);
		exchange.close();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/handovers";
	}

	/** Answers every request only after this long. */
	void answerAfter(Duration delay) {
		this.answerDelay = delay;
	}

	void failNext(int times) {
		this.failuresLeft.set(times);
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	List<Received> accepted() {
		return this.received.stream().filter((request) -> request.status() == 204).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Received(String id, String timestamp, String signature, String body, int status) {
	}

}
