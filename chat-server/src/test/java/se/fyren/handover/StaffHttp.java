package se.fyren.handover;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.fyren.testsupport.FyrenClients;

/**
 * A logged-in staff member's HTTP calls, with the CSRF token the console
 * would send.
 */
final class StaffHttp {

	private static final Pattern CSRF = Pattern.compile("\"headerName\":\"([^\"]+)\",\"parameterName\":\"[^\"]+\",\"token\":\"([^\"]+)\"");

	private final FyrenClients clients;

	private final String cookie;

	private final HttpClient http = HttpClient.newHttpClient();

	StaffHttp(FyrenClients clients, String username) {
		this.clients = clients;
		this.cookie = clients.login(username, "fyren-demo");
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.clients.url(path))).header("Cookie", this.cookie).GET().build());
	}

	HttpResponse<String> post(String path) {
		Matcher csrf = CSRF.matcher(get("/api/staff/me").body());
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token");
		}
		return send(HttpRequest.newBuilder(URI.create(this.clients.url(path)))
			.header("Cookie", this.cookie)
			.header(csrf.group(1), csrf.group(2))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
