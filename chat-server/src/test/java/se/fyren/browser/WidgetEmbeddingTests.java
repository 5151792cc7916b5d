package se.fyren.browser;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.fyren.testsupport.Browsers;
import se.fyren.testsupport.HostSite;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.Browsers.waitFor;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * The widget embedded with its one script tag in a page on another origin:
 * the host page's scripts cannot read the conversation, nothing lands in the
 * host's storage or cookies, and quick exit leaves nothing to go back to.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class WidgetEmbeddingTests extends RunningFyren {

	private static volatile String fyrenOrigin;

	private static final HostSite host = HostSite.start(() -> fyrenOrigin);

	WebDriver browser;

	WidgetPage chat;

	@DynamicPropertySource
	static void letTheHostFrameTheWidget(DynamicPropertyRegistry registry) {
		registry.add("fyren.security.embedding-origins", host::origin);
	}

	@BeforeEach
	void openPhone() {
		fyrenOrigin = "http://localhost:" + this.port;
		this.browser = Browsers.phone(360, 740);
		this.chat = new WidgetPage(this.browser);
	}

	@AfterEach
	void closePhone() {
		this.browser.quit();
	}

	@AfterAll
	static void stopHost() {
		host.close();
	}

	@Test
	void theHostPageCannotReadTheConversation() {
		try (StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			anna.send("/app/counsellor/duty", json("onDuty", true));
			this.browser.get(host.url("/host.html"));
			Browsers.screenshot(this.browser, "embedded-1-host-page");
			openChatAndJoin("youth");
			anna.send("/app/counsellor/take", json("queue", "youth"));
			String chatId = (String) anna.awaitEvent("chat-assigned").get("chatId");
			this.chat.awaitState("chatting");
			this.chat.find("composer").sendKeys("my secret words", Keys.ENTER);
			anna.awaitEvent("message", (e) -> "my secret words".equals(e.get("text")));
			anna.send("/app/counsellor/message", json("chatId", chatId, "id", "c-1", "text", "counsellor secret"));
			waitFor(this.browser).until((d) -> this.chat.messages().size() == 2);
			// Inside the frame: Fyren's origin keeps no cookie either, and nothing is fetched from a third party.
			assertThat(this.browser.manage().getCookies()).isEmpty();
			assertThat(this.chat.script("""
					return performance.getEntriesByType('resource').map((e) => new URL(e.name).origin)
					  .filter((o) => o !== location.origin)""")).asList().isEmpty();

			this.browser.switchTo().defaultContent();
			Browsers.screenshot(this.browser, "embedded-2-chatting");
			Object reach = this.chat.script("""
					try { return document.getElementById('fyren-frame').contentWindow.document.body.innerText; }
					catch (e) { return 'blocked: ' + e.name; }""");
			assertThat(reach).isEqualTo("blocked: SecurityError");
			assertThat(this.chat.script("return document.getElementById('fyren-frame').contentDocument")).isNull();
			assertThat(this.chat.script("return document.body.innerText")).asString()
				.doesNotContain("secret");
			@SuppressWarnings("unchecked")
			List<String> seen = (List<String>) this.chat.script("return window.seenByHost");
			assertThat(seen).noneMatch((message) -> message.contains("secret"));
			assertThat(this.chat.script("return document.cookie")).isEqualTo("");
			assertThat(this.chat.script("""
					return performance.getEntriesByType('resource').map((e) => new URL(e.name).origin)
					  .filter((o) => o !== location.origin && o !== arguments[0])""", fyrenOrigin)).asList().isEmpty();
			assertThat(this.chat.script("return localStorage.length + sessionStorage.length")).isEqualTo(0L);
		}
	}

	@Test
	void quickExitLeavesNoWayBackAndNoStorage() {
		this.browser.get(host.url("/before.html"));
		this.browser.get(host.url("/host.html"));
		Object historyBefore = this.chat.script("return history.length");
		openChatAndJoin("sells-sex");
		assertThat(this.chat.script("return sessionStorage.length")).isEqualTo(1L);

		this.chat.find("quick-exit").click();

		waitFor(this.browser).until(ExpectedConditions.urlToBe(host.url("/weather.html")));
		assertThat(this.chat.script("return history.length")).isEqualTo(historyBefore);
		this.browser.navigate().back();
		waitFor(this.browser).until(ExpectedConditions.urlToBe(host.url("/before.html")));

		// Back on the host page, the widget has kept nothing: a fresh pre-chat form.
		this.browser.get(host.url("/host.html"));
		openChat();
		assertThat(this.chat.script("return sessionStorage.length + localStorage.length")).isEqualTo(0L);
		assertThat(this.chat.root().getAttribute("data-state")).isEqualTo("prechat");
	}

	@Test
	void escapeTwiceLeavesFromThePageAsWellAsFromTheChat() {
		this.browser.get(host.url("/before.html"));
		this.browser.get(host.url("/host.html"));
		openChatAndJoin("relatives");
		this.browser.switchTo().defaultContent();
		// The focus in the host page, not in the chat.
		this.chat.script("document.querySelector('h1').setAttribute('tabindex', '-1'); document.querySelector('h1').focus()");
		this.chat.press(Keys.ESCAPE);
		this.chat.press(Keys.ESCAPE);

		waitFor(this.browser).until(ExpectedConditions.urlToBe(host.url("/weather.html")));
		this.browser.navigate().back();
		waitFor(this.browser).until(ExpectedConditions.urlToBe(host.url("/before.html")));
	}

	@Test
	void withTheKeyboardAloneAVisitorOpensTheChatWritesClosesReopensAndLeavesQuickly() {
		this.browser.get(host.url("/before.html"));
		this.browser.get(host.url("/host.html"));
		Object historyBefore = this.chat.script("return history.length");
		WebElement launcher = waitFor(this.browser).until(ExpectedConditions.elementToBeClickable(By.id("fyren-launcher")));
		pressTabUntil(() -> launcher.equals(this.browser.switchTo().activeElement()));
		this.chat.press(Keys.ENTER);

		// Opened: the focus is in the chat, and Tab goes on through it.
		waitFor(this.browser).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("fyren-frame")));
		this.chat.awaitReady();
		this.chat.tabTo("queue-select");
		this.chat.press(Keys.ARROW_DOWN);
		this.chat.tabTo("start");
		this.chat.press(Keys.ENTER);
		this.chat.awaitState("queued");
		assertThat(this.chat.focused().getAttribute("id")).isEqualTo("fyren-queued-title");

		// Closed with its button, the focus goes back to the launcher; Enter opens the same chat again.
		this.chat.tabTo("close");
		this.chat.press(Keys.ENTER);
		this.browser.switchTo().defaultContent();
		waitFor(this.browser).until((d) -> launcher.equals(d.switchTo().activeElement()));
		assertThat(this.browser.findElement(By.id("fyren-frame")).isDisplayed()).isFalse();
		this.chat.press(Keys.ENTER);
		this.browser.switchTo().frame(this.browser.findElement(By.id("fyren-frame")));
		assertThat(this.chat.root().getAttribute("data-state")).isEqualTo("queued");

		try (StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			anna.send("/app/counsellor/duty", json("onDuty", true));
			anna.send("/app/counsellor/take", json("queue", "sells-sex"));
			String chatId = (String) anna.awaitEvent("chat-assigned").get("chatId");
			this.chat.awaitState("chatting");
			waitFor(this.browser).until((d) -> "composer".equals(this.chat.focused().getAttribute("data-test")));
			this.chat.press("Hej", Keys.ENTER);
			assertThat(anna.awaitEvent("message")).containsEntry("text", "Hej");

			// Esc twice in the chat: the chat ends, and the page is gone with no way back and nothing kept.
			this.chat.press(Keys.ESCAPE);
			this.chat.press(Keys.ESCAPE);
			waitFor(this.browser).until(ExpectedConditions.urlToBe(host.url("/weather.html")));
			assertThat(anna.awaitEvent("ended")).containsEntry("chatId", chatId);
			anna.send("/app/counsellor/duty", json("onDuty", false));
		}
		assertThat(this.chat.script("return history.length")).isEqualTo(historyBefore);
		this.browser.navigate().back();
		waitFor(this.browser).until(ExpectedConditions.urlToBe(host.url("/before.html")));
	}

	private void pressTabUntil(BooleanSupplier reached) {
		for (int i = 0; i < 20 && !reached.getAsBoolean(); i++) {
			this.chat.press(Keys.TAB);
		}
		assertThat(reached.getAsBoolean()).as("Tab reaches the launcher").isTrue();
	}

	@Test
	void atTwoHundredPercentZoomOnALaptopTheChatFillsTheWindowAndEverythingIsReachable() {
		// A 1280 × 800 window at 200 % zoom is 640 × 400 CSS pixels.
		this.browser.quit();
		this.browser = Browsers.phone(640, 400);
		this.chat = new WidgetPage(this.browser);
		this.browser.get(host.url("/host.html"));
		openChat();
		this.browser.switchTo().defaultContent();
		assertThat(this.chat.script("""
				const r = document.getElementById('fyren-frame').getBoundingClientRect();
				return [r.left, r.top, innerWidth - r.right, innerHeight - r.bottom].every((gap) => gap >= 0)"""))
			.isEqualTo(true);
		this.browser.switchTo().frame(this.browser.findElement(By.id("fyren-frame")));
		this.chat.tabTo("start");
		assertThat(this.chat.find("start").isDisplayed()).isTrue();
		// Scrolled down to the button, Leave quickly is still on screen.
		Number exitTop = (Number) this.chat
			.script("return document.querySelector('[data-test=quick-exit]').getBoundingClientRect().top");
		assertThat(exitTop.doubleValue()).isBetween(0.0, 50.0);
		this.chat.check("embedded-3-zoom-200");
	}

	private void openChat() {
		waitFor(this.browser).until(ExpectedConditions.elementToBeClickable(By.id("fyren-launcher"))).click();
		waitFor(this.browser).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("fyren-frame")));
		this.chat.awaitReady();
	}

	private void openChatAndJoin(String queue) {
		openChat();
		new Select(this.chat.find("queue-select")).selectByValue(queue);
		this.chat.find("start").click();
		this.chat.awaitState("queued");
	}

}
