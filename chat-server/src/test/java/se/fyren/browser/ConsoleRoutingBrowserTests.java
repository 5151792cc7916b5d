package se.fyren.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import se.fyren.testsupport.Browsers;
import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.ConsolePages;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.Browsers.screenshot;
import static se.fyren.testsupport.Browsers.waitFor;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * The console in headless Chromium: an offer flagged as danger is accepted,
 * the chat is sent back to the queue with a note, a chat handed over by a
 * colleague shows who wrote what, and a letter is answered. Everything a
 * visitor typed shows as text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ConsoleRoutingBrowserTests {

	private static final String HOSTILE = "Hjälp <b>nu</b> <img src=x onerror=alert(1)>";

	@LocalServerPort
	int port;

	WebDriver counsellor;

	FyrenClients clients;

	@BeforeEach
	void openBrowser() {
		this.counsellor = Browsers.open(1280, 900);
		this.clients = new FyrenClients(this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.counsellor.quit();
	}

	@Test
	void aCounsellorAcceptsAnUrgentOfferAndSendsTheChatBackWithANote() {
		ConsolePages.logInAndGoOnDuty(this.counsellor, this.clients.url("/console/"), "anna");
		try (Visitor visitor = this.clients.visitor()) {
			visitor.stomp().send("/app/visitor/join", json("queue", "sells-sex", "danger", true));
			visitor.stomp().awaitEvent("position");
			visitor.stomp().send("/app/visitor/message", json("id", "m1", "text", HOSTILE));

			WebElement offer = waitFor(this.counsellor)
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=offer]")));
			assertThat(offer.getAttribute("data-urgent")).isNotNull();
			assertThat(this.counsellor.findElement(By.cssSelector("[data-test=urgent-alert]")).isDisplayed()).isTrue();
			screenshot(this.counsellor, "console-routing-1-offer");
			click(By.cssSelector("[data-test=offer] [data-test=accept]"));

			WebElement chat = waitFor(this.counsellor)
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=chat]")));
			visitor.stomp().awaitEvent("chat-started");
			assertThat(chat.findElement(By.cssSelector("[data-test=urgent]")).isDisplayed()).isTrue();
			WebElement received = waitFor(this.counsellor).until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector("[data-test=chat] li[data-from=VISITOR]")));
			assertThat(received.getText()).contains(HOSTILE);
			assertThat(received.findElements(By.tagName("img"))).isEmpty();

			click(By.cssSelector("[data-test=chat] .fc-transfer summary"));
			new Select(this.counsellor.findElement(By.cssSelector("[data-test=chat] [data-test=transfer-queue]")))
				.selectByValue("sells-sex");
			this.counsellor.findElement(By.cssSelector("[data-test=chat] [data-test=transfer-note]")).sendKeys("Called from a shared phone");
			screenshot(this.counsellor, "console-routing-2-transfer");
			click(By.cssSelector("[data-test=chat] [data-test=transfer-send]"));
			assertThat(visitor.stomp().awaitEvent("transferred")).containsEntry("counsellorName", null);
			waitFor(this.counsellor).until(ExpectedConditions.attributeToBe(chat, "data-ended", "true"));
		}
	}

	@Test
	void afterATransferTheColleagueSeesWhichCounsellorWroteWhat() {
		try (Visitor visitor = this.clients.visitor(); StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			String chatId = ChatFlow.startChat(visitor, anna, "sells-sex");
			visitor.stomp().send("/app/visitor/message", json("id", "v1", "text", HOSTILE));
			anna.awaitEvent("message", (e) -> "v1".equals(e.get("id")));
			anna.send("/app/counsellor/message", json("chatId", chatId, "id", "a1", "text", "Hej, jag heter Anna."));
			anna.awaitEvent("message", (e) -> "a1".equals(e.get("id")));

			ConsolePages.logInAndGoOnDuty(this.counsellor, this.clients.url("/console/"), "dragan");
			anna.send("/app/counsellor/transfer", json("chatId", chatId, "toCounsellor", "dragan"));
			WebElement chat = waitFor(this.counsellor)
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=chat]")));
			waitFor(this.counsellor).until((d) -> chat.findElements(By.cssSelector(".fc-msg")).size() == 2);
			this.counsellor.findElement(By.cssSelector("[data-test=chat] [data-test=composer]")).sendKeys("Hej, Dragan här.");
			click(By.cssSelector("[data-test=chat] [data-test=send]"));
			visitor.stomp().awaitEvent("message", (e) -> "Hej, Dragan här.".equals(e.get("text")));
			waitFor(this.counsellor).until((d) -> chat.findElements(By.cssSelector(".fc-msg:not([data-pending])")).size() == 3);
			screenshot(this.counsellor, "console-routing-4-transferred");

			// Anna's message is hers by name, Dragan's own says so; the visitor's text stays text.
			assertThat(chat.findElements(By.cssSelector(".fc-msg-who"))).extracting(WebElement::getText)
				.containsExactly("Besökaren", "Anna", "Du");
			assertThat(chat.findElements(By.cssSelector(".fc-msg-text"))).extracting(WebElement::getText)
				.containsExactly(HOSTILE, "Hej, jag heter Anna.", "Hej, Dragan här.");
			assertThat(chat.findElements(By.tagName("img"))).isEmpty();
		}
	}

	@Test
	void aCounsellorAnswersALetterShownAsText() throws Exception {
		HttpResponse<String> posted = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.clients.url("/api/letterbox")))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"queue\":\"relatives\",\"text\":\"" + HOSTILE + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		Matcher code = Pattern.compile("\"pickupCode\":\"([A-Z2-7-]+)\"").matcher(posted.body());
		assertThat(code.find()).isTrue();

		ConsolePages.logInAndGoOnDuty(this.counsellor, this.clients.url("/console/"), "anna");
		WebElement letter = waitFor(this.counsellor)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=letter]")));
		assertThat(letter.findElement(By.cssSelector("[data-test=letter-text]")).getText()).isEqualTo(HOSTILE);
		assertThat(letter.findElements(By.tagName("img"))).isEmpty();
		letter.findElement(By.cssSelector("[data-test=letter-answer]")).sendKeys("Ring oss gärna.");
		screenshot(this.counsellor, "console-routing-3-letter");
		click(By.cssSelector("[data-test=letter] [data-test=letter-send]"));
		waitFor(this.counsellor).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-test=letter]")));

		String answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.clients.url("/api/letterbox/" + code.group(1)))).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(answer).contains("\"answer\":\"Ring oss gärna.\"");
	}

	private void click(By locator) {
		waitFor(this.counsellor).until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

}
