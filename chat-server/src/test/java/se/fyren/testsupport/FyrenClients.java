package se.fyren.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * Connects real STOMP clients to a running Fyren: visitors with a fresh
 * token, staff through the login form.
 */
public final class FyrenClients {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final int port;

	private final WebSocketStompClient stomp;

	public FyrenClients(int port) {
		this.port = port;
		// The container's 8 KB default buffer would close the connection on a large event (a supervisor's dashboard).
		jakarta.websocket.WebSocketContainer container = jakarta.websocket.ContainerProvider.getWebSocketContainer();
		container.setDefaultMaxTextMessageBufferSize(1024 * 1024);
		this.stomp = new WebSocketStompClient(new StandardWebSocketClient(container));
		this.stomp.setMessageConverter(new CompositeMessageConverter(
				List.of(new RawBytes(), new ByteArrayMessageConverter(), new JacksonJsonMessageConverter())));
	}

	public String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** Asks the server for a new visitor token. */
	public String newVisitorToken() {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url("/api/visitor/sessions")))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());
			Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(response.body());
			if (response.statusCode() != 201 || !token.find()) {
				throw new IllegalStateException("No token: " + response.statusCode());
			}
			return token.group(1);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A new visitor, connected. */
	public Visitor visitor() {
		String token = newVisitorToken();
		return new Visitor(token, visitorWithToken(token));
	}

	/**
	 * A new visitor whose session request and WebSocket handshake carry the
	 * given extra headers (for example a forwarded-for address).
	 */
	public Visitor visitor(WebSocketHttpHeaders headers) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/api/visitor/sessions")))
				.POST(HttpRequest.BodyPublishers.noBody());
			headers.forEach((name, values) -> values.forEach((value) -> request.header(name, value)));
			HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
			Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(response.body());
			if (response.statusCode() != 201 || !token.find()) {
				throw new IllegalStateException("No token: " + response.statusCode());
			}
			StompHeaders connect = new StompHeaders();
			connect.add("visitor-token", token.group(1));
			return new Visitor(token.group(1), new StompParticipant(connect("/ws/visitor", headers, connect))
				.synced("/app/visitor/sync", Map.of("afterSeq", 0L), "state"));
		}
		catch (java.io.IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Connects to the visitor endpoint with the given token and syncs from the start. */
	public StompParticipant visitorWithToken(String token) {
		return resume(token, 0);
	}

	/** Connects with the token as a returning widget does: sync after the last seq it saw. */
	public StompParticipant resume(String token, long afterSeq) {
		StompHeaders connect = new StompHeaders();
		connect.add("visitor-token", token);
		return new StompParticipant(connect("/ws/visitor", new WebSocketHttpHeaders(), connect))
			.synced("/app/visitor/sync", Map.of("afterSeq", afterSeq), "state");
	}

	/** Logs in through the form and connects to the staff endpoint, with the CSRF token in CONNECT. */
	public StompParticipant staff(String username, String password) {
		String cookie = login(username, password);
		return staffWithCookie(cookie);
	}

	/** Connects to the staff endpoint with a session cookie from {@link #login}, as the console does. */
	public StompParticipant staffWithCookie(String cookie) {
		WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
		handshake.add("Cookie", cookie);
		return new StompParticipant(connect("/ws/staff", handshake, staffConnectHeaders(cookie)))
			.synced("/app/counsellor/sync", Map.of(), "duty");
	}

	/**
	 * Connects to the staff endpoint as the console does after a dropped
	 * connection: sync after the last seq it saw in each of its chats.
	 */
	public StompParticipant resumeStaff(String cookie, Map<String, Long> afterSeq) {
		WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
		handshake.add("Cookie", cookie);
		return new StompParticipant(connect("/ws/staff", handshake, staffConnectHeaders(cookie)))
			.synced("/app/counsellor/sync", Map.of("afterSeq", afterSeq), "duty");
	}

	/** The CONNECT headers the console sends: the CSRF token it got from {@code /api/staff/me}. */
	public StompHeaders staffConnectHeaders(String cookie) {
		StompHeaders connect = new StompHeaders();
		connect.add("X-CSRF-TOKEN", csrfToken(cookie));
		return connect;
	}

	/** The CSRF token of a logged-in staff session, as the console reads it. */
	public String csrfToken(String cookie) {
		try {
			HttpResponse<String> me = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url("/api/staff/me"))).header("Cookie", cookie).build(),
						HttpResponse.BodyHandlers.ofString());
			Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(me.body());
			if (me.statusCode() != 200 || !token.find()) {
				throw new IllegalStateException("No CSRF token: " + me.statusCode());
			}
			return token.group(1);
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Logs in and returns the session cookie ({@code JSESSIONID=...}). */
	public String login(String username, String password) {
		try {
			CookieManager cookies = new CookieManager();
			HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
			String page = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
					HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher csrf = CSRF.matcher(page);
			if (!csrf.find()) {
				throw new IllegalStateException("No CSRF token on the login page");
			}
			String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(url("/login")))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(form))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			String location = response.headers().firstValue("Location").orElse("");
			if (response.statusCode() != 302 || location.contains("error")) {
				throw new IllegalStateException("Login refused for " + username);
			}
			return cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter((cookie) -> cookie.getName().equals("JSESSIONID"))
				.map((cookie) -> cookie.getName() + "=" + cookie.getValue())
				.findFirst()
				.orElseThrow();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Tries to connect. Returns {@code null} when connected, the ERROR frame's
	 * message for a refused CONNECT, or the handshake failure's text.
	 */
	public String refusal(String path, WebSocketHttpHeaders handshake, StompHeaders connect) {
		CompletableFuture<String> error = new CompletableFuture<>();
		CompletableFuture<StompSession> session = this.stomp.connectAsync("ws://localhost:" + this.port + path,
				handshake, connect, new StompSessionHandlerAdapter() {

					@Override
					public java.lang.reflect.Type getPayloadType(StompHeaders headers) {
						return byte[].class;
					}

					@Override
					public void handleFrame(StompHeaders headers, Object payload) {
						error.complete(headers.getFirst("message"));
					}

					@Override
					public void handleTransportError(StompSession failed, Throwable exception) {
						error.complete("TRANSPORT:" + exception);
					}

				});
		try {
			Object first = CompletableFuture.anyOf(error, session).get(10, TimeUnit.SECONDS);
			if (first instanceof StompSession connected) {
				connected.disconnect();
				return null;
			}
			return (String) first;
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return "HANDSHAKE:" + ex.getCause();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private StompSession connect(String path, WebSocketHttpHeaders handshake, StompHeaders connect) {
		try {
			return this.stomp
				.connectAsync("ws://localhost:" + this.port + path, handshake, connect, new StompSessionHandlerAdapter() {
				})
				.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * A connected visitor and their token.
	 *
	 * @param token the visitor's secret
	 * @param stomp the connection
	 */
	public record Visitor(String token, StompParticipant stomp) implements AutoCloseable {

		@Override
		public void close() {
			this.stomp.close();
		}

	}

	/**
	 * Sends a {@code byte[]} payload exactly as it is, whatever content type the
	 * frame names, so tests can send malformed JSON as JSON. (Spring's own
	 * byte-array converter only takes octet-stream; for JSON the Jackson
	 * converter would turn the bytes into a base64 string.)
	 */
	static final class RawBytes extends org.springframework.messaging.converter.AbstractMessageConverter {

		RawBytes() {
			super(org.springframework.util.MimeTypeUtils.ALL);
		}

		@Override
		protected boolean supports(Class<?> type) {
			return type == byte[].class;
		}

		@Override
		protected boolean canConvertFrom(org.springframework.messaging.Message<?> message, Class<?> targetClass) {
			return false;
		}

		@Override
		protected Object convertToInternal(Object payload, org.springframework.messaging.MessageHeaders headers,
				Object conversionHint) {
			return payload;
		}

	}

	/** A payload as a map, for readability in tests. */
	public static Map<String, Object> json(Object... keysAndValues) {
		Map<String, Object> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
