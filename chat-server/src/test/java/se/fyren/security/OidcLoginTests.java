package se.fyren.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import se.fyren.testsupport.RunningFyren;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an identity provider configured by properties alone, Fyren starts,
 * offers sign-in through it next to the password form, and sends the browser
 * to the provider with its client id. No provider is contacted: the endpoints
 * are given explicitly and are never reachable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.security.oauth2.client.registration.kommun.client-id=fyren-test",
		"spring.security.oauth2.client.registration.kommun.client-secret=not-a-secret",
		"spring.security.oauth2.client.registration.kommun.client-name=Exempelby kommun",
		"spring.security.oauth2.client.registration.kommun.scope=openid,profile",
		"spring.security.oauth2.client.registration.kommun.authorization-grant-type=authorization_code",
		"spring.security.oauth2.client.registration.kommun.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
		"spring.security.oauth2.client.provider.kommun.authorization-uri=https://idp.exempelby.invalid/authorize",
		"spring.security.oauth2.client.provider.kommun.token-uri=https://idp.exempelby.invalid/token",
		"spring.security.oauth2.client.provider.kommun.jwk-set-uri=https://idp.exempelby.invalid/jwks",
		"spring.security.oauth2.client.provider.kommun.user-info-uri=https://idp.exempelby.invalid/userinfo",
		"spring.security.oauth2.client.provider.kommun.user-name-attribute=preferred_username",
		"fyren.security.oidc.roles.COUNSELLOR=fyren-kuratorer" })
class OidcLoginTests extends RunningFyren {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void loginPageOffersTheIdentityProviderBesideThePasswordForm() throws Exception {
		String page = get("/login").body();
		assertThat(page).contains("/oauth2/authorization/kommun", "Exempelby kommun", "name=\"username\"");
	}

	@Test
	void signingInThroughTheProviderRedirectsThereWithTheClientId() throws Exception {
		HttpResponse<String> redirect = get("/oauth2/authorization/kommun");
		assertThat(redirect.statusCode()).isEqualTo(302);
		assertThat(redirect.headers().firstValue("Location")).get()
			.asString()
			.startsWith("https://idp.exempelby.invalid/authorize?")
			.contains("response_type=code", "client_id=fyren-test", "scope=openid%20profile");
	}

	@Test
	void browsersAreStillSentToTheLoginPageToChooseHowToSignIn() throws Exception {
		HttpResponse<String> console = this.http.send(
				HttpRequest.newBuilder(URI.create(this.clients.url("/console/"))).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(console.statusCode()).isEqualTo(302);
		assertThat(console.headers().firstValue("Location")).get().asString().endsWith("/login");
	}

	@Test
	void passwordLoginKeepsWorking() {
		assertThat(this.clients.login("anna", "fyren-demo")).startsWith("JSESSIONID=");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.clients.url(path))).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
