package se.fyren.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headers on Fyren's pages, the error page, and the audit log's access.
 */
class HttpSecurityTests extends RunningFyren {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void everyPageHasAStrictPolicyNoReferrerAndNoCaching() throws Exception {
		String cookie = this.clients.login("anna", "fyren-demo");
		for (String page : new String[] { "/console/", "/demo/", "/login", "/widget/chat.html" }) {
			HttpResponse<String> response = get(page, cookie);
			assertThat(response.statusCode()).as(page).isEqualTo(200);
			String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
			assertThat(policy).as(page).contains("script-src 'self'").contains("style-src 'self'")
				.contains("object-src 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
			assertThat(response.headers().firstValue("Referrer-Policy")).as(page).contains("no-referrer");
			assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).as(page).contains("no-store");
			// Fyren's own pages carry no inline script or style that the policy would block.
			assertThat(response.body()).as(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
				.doesNotContain("<style").doesNotContain(" style=").doesNotContainPattern(" on[a-z]+=");
		}
		assertThat(get("/console/", cookie).headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("frame-ancestors 'none'");
	}

	@Test
	void httpsRequestsGetHsts() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.clients.url("/login")))
			.header("X-Forwarded-Proto", "https")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.headers().firstValue("Strict-Transport-Security")).get()
			.asString()
			.contains("max-age=");
		assertThat(get("/login", null).headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void theErrorPageShowsThePathAsText() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(URI.create(this.clients.url("/api/visitor/%3Cscript%3Ealert(1)%3C/script%3E")))
			.header("Accept", "text/html")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).startsWith("<!doctype html>").contains("Fyren: 404").doesNotContain("<script>");
	}

	@Test
	void supervisorsReadTheAuditLogAndCounsellorsDoNot() throws Exception {
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, anna, "sells-sex");
			String counsellor = this.clients.login("anna", "fyren-demo");
			assertThat(get("/api/audit", counsellor).statusCode()).isEqualTo(403);
			assertThat(get("/api/audit", null).statusCode()).isEqualTo(401);
			HttpResponse<String> audit = get("/api/audit?limit=50", this.clients.login("sara", "fyren-demo"));
			assertThat(audit.statusCode()).isEqualTo(200);
			assertThat(audit.body()).contains("\"staff\":\"anna\"")
				.contains("\"action\":\"TAKE_CHAT\"")
				.contains("\"chatId\":\"" + chatId + "\"")
				.doesNotContain(visitor.token());
			anna.send("/app/counsellor/end", se.fyren.testsupport.FyrenClients.json("chatId", chatId));
			visitor.stomp().awaitEvent("ended");
		}
	}

	private HttpResponse<String> get(String path, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.clients.url(path)));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
