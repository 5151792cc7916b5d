package se.fyren.testsupport;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.util.MimeTypeUtils;

import static org.awaitility.Awaitility.await;

/**
 * A real STOMP session in a test, recording every event and error it
 * receives.
 */
public final class StompParticipant implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final StompSession session;

	private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();

	private final List<Map<String, Object>> errors = new CopyOnWriteArrayList<>();

	StompParticipant(StompSession session) {
		this.session = session;
		subscribe("/user/queue/events", this.events);
		subscribe("/user/queue/errors", this.errors);
	}

	private void subscribe(String destination, List<Map<String, Object>> into) {
		this.session.subscribe(destination, new StompFrameHandler() {

			@Override
			public Type getPayloadType(StompHeaders headers) {
				return Map.class;
			}

			@Override
			@SuppressWarnings("unchecked")
			public void handleFrame(StompHeaders headers, Object payload) {
				into.add((Map<String, Object>) payload);
			}

		});
	}

	/**
	 * Sends a sync frame and waits for its answer: from then on both
	 * subscriptions are live, since the server handles a session's frames in
	 * order.
	 */
	StompParticipant synced(String syncDestination, Object syncPayload, String answerType) {
		send(syncDestination, syncPayload);
		await().atMost(WAIT)
			.until(() -> !this.errors.isEmpty() || this.events.stream().anyMatch((e) -> answerType.equals(e.get("type"))));
		return this;
	}

	/** Sends a JSON payload. */
	public void send(String destination, Object payload) {
		this.session.send(destination, payload);
	}

	/** Sends raw bytes as application/json, for malformed input. */
	public void sendRaw(String destination, String body) {
		StompHeaders headers = new StompHeaders();
		headers.setDestination(destination);
		headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
		this.session.send(headers, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** Subscribes with a {@code selector} header, which Fyren must refuse. */
	public void subscribeWithSelector(String destination, String selector) {
		StompHeaders headers = new StompHeaders();
		headers.setDestination(destination);
		headers.add("selector", selector);
		this.session.subscribe(headers, new StompFrameHandler() {

			@Override
			public Type getPayloadType(StompHeaders ignored) {
				return Map.class;
			}

			@Override
			@SuppressWarnings("unchecked")
			public void handleFrame(StompHeaders ignored, Object payload) {
				StompParticipant.this.events.add((Map<String, Object>) payload);
			}

		});
	}

	/** Subscribes to an arbitrary destination, recording what arrives there as events. */
	public void subscribeRaw(String destination) {
		subscribe(destination, this.events);
	}

	/** Waits for an event of the type that matches, and returns it. */
	public Map<String, Object> awaitEvent(String type, Predicate<Map<String, Object>> matching) {
		return await().atMost(WAIT)
			.until(() -> this.events.stream()
				.filter((event) -> type.equals(event.get("type")))
				.filter(matching)
				.findFirst()
				.orElse(null), (found) -> found != null);
	}

	/** Waits until n events of the type match. */
	public void awaitEvents(String type, Predicate<Map<String, Object>> matching, int n) {
		await().atMost(WAIT)
			.until(() -> this.events.stream().filter((event) -> type.equals(event.get("type"))).filter(matching).count() >= n);
	}

	public Map<String, Object> awaitEvent(String type) {
		return awaitEvent(type, (event) -> true);
	}

	/** Waits for the n-th error (counting from 1) and returns its code. */
	public String awaitError(int n) {
		await().atMost(WAIT).until(() -> this.errors.size() >= n);
		return (String) this.errors.get(n - 1).get("code");
	}

	public List<Map<String, Object>> events(String type) {
		return this.events.stream().filter((event) -> type.equals(event.get("type"))).toList();
	}

	public List<Map<String, Object>> errors() {
		return this.errors;
	}

	/** Whether the connection is still open. */
	public boolean connected() {
		return this.session.isConnected();
	}

	@Override
	public void close() {
		if (this.session.isConnected()) {
			this.session.disconnect();
		}
	}

}
