package se.fyren.loadtest;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fyren's HTTP side as a client sees it: visitor tokens and the staff login.
 */
final class FyrenHttp {

	private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

	private static final Pattern CSRF_TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private FyrenHttp() {
	}

	static CompletableFuture<String> newVisitorToken(HttpClient http, String host, int port) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/api/visitor/sessions"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply((response) -> {
			Matcher token = TOKEN.matcher(response.body());
			if (response.statusCode() != 201 || !token.find()) {
				throw new IllegalStateException("No visitor token: HTTP " + response.statusCode());
			}
			return token.group(1);
		});
	}

	/** The CSRF token of a logged-in staff session, from {@code /api/staff/me} as the console reads it. */
	static CompletableFuture<String> csrfToken(HttpClient http, String host, int port, String cookie) {
		HttpRequest me = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/api/staff/me"))
			.header("Cookie", cookie)
			.header("Accept", "application/json")
			.build();
		return http.sendAsync(me, HttpResponse.BodyHandlers.ofString()).thenApply((response) -> {
			Matcher token = CSRF_TOKEN.matcher(response.body());
			if (response.statusCode() != 200 || !token.find()) {
				throw new IllegalStateException("No CSRF token for the staff session: " + response.statusCode());
			}
			return token.group(1);
		});
	}

	/** Logs in through the form; returns the session cookie for the staff endpoint. */
	static String login(String host, int port, String username, String password) throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
		String base = "http://" + host + ":" + port;
		String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = CSRF.matcher(page);
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on the login page");
		}
		String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
		HttpResponse<Void> response = http.send(
				HttpRequest.newBuilder(URI.create(base + "/login"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build(),
				HttpResponse.BodyHandlers.discarding());
		if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
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

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
