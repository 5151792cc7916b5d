package se.fyren.browser;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.fyren.testsupport.Browsers;
import se.fyren.testsupport.FyrenClients;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.ConsolePages;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.Browsers.screenshot;
import static se.fyren.testsupport.Browsers.waitFor;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * A counsellor in the console handles two chats at once: unread counts and
 * the title tell them where someone wrote, referral cards come from the
 * keyboard in the visitor's language, and a chat ends with an outcome.
 */
// Its own context (shared with the other console tests), so chats left open here never reach the walking-skeleton tests.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "fyren.supervision.refresh-interval=2s")
class TwoChatsBrowserTests {

	@LocalServerPort
	int port;

	WebDriver counsellor;

	@BeforeEach
	void openBrowser() {
		this.counsellor = Browsers.open(1400, 900);
	}

	@AfterEach
	void closeBrowser() {
		this.counsellor.quit();
	}

	@Test
	void counsellorHandlesTwoChatsWithNotificationsAndAReferralCard() {
		FyrenClients clients = new FyrenClients(this.port);
		ConsolePages.logInAndGoOnDuty(this.counsellor, url("/console/"), "anna");
		try (Visitor adult = clients.visitor(); Visitor young = clients.visitor()) {
			adult.stomp().send("/app/visitor/join", json("queue", "sells-sex", "language", "en"));
			adult.stomp().awaitEvent("position");
			take("sells-sex");
			WebElement first = chat(1);
			String firstId = (String) adult.stomp().awaitEvent("chat-started").get("chatId");
			// A new chat counts as unread until the counsellor has been in it.
			first.findElement(By.cssSelector("[data-test=composer]")).click();
			waitFor(this.counsellor).until((d) -> !first.findElement(By.cssSelector("[data-test=unread]")).isDisplayed());

			young.stomp().send("/app/visitor/join", json("queue", "youth", "ageBand", "15-17"));
			young.stomp().awaitEvent("position");
			take("youth");
			WebElement second = chat(2);
			young.stomp().awaitEvent("chat-started");

			// Working in the second chat, a message arrives in the first.
			second.findElement(By.cssSelector("[data-test=composer]")).click();
			adult.stomp().send("/app/visitor/message", json("id", "a1", "text", "Are you there? <b>hi</b>"));
			waitFor(this.counsellor)
				.until(ExpectedConditions.textToBePresentInElement(first.findElement(By.cssSelector("[data-test=unread]")), "1"));
			assertThat(this.counsellor.getTitle()).startsWith("(1)");
			assertThat(first.findElement(By.cssSelector("li[data-from=VISITOR]")).getText())
				.contains("Are you there? <b>hi</b>");
			assertThat(second.findElement(By.cssSelector("[data-test=unread]")).isDisplayed()).isFalse();
			screenshot(this.counsellor, "two-chats-1-unread");

			// "/" in an empty box opens the picker; the emergency card comes in the visitor's language.
			WebElement composer = first.findElement(By.cssSelector("[data-test=composer]"));
			composer.click();
			waitFor(this.counsellor).until((d) -> !this.counsellor.getTitle().startsWith("("));
			composer.sendKeys("/");
			WebElement filter = waitFor(this.counsellor).until(ExpectedConditions
				.visibilityOf(first.findElement(By.cssSelector("[data-test=snippet-filter]"))));
			assertThat(first.findElements(By.cssSelector("[data-test=snippet][data-snippet=buyers-clinic]"))).isEmpty();
			filter.sendKeys("112");
			screenshot(this.counsellor, "two-chats-2-picker");
			filter.sendKeys(Keys.ENTER);
			assertThat(composer.getAttribute("value")).startsWith("If you are in danger right now: call 112.");
			composer.sendKeys(Keys.ENTER);
			Map<String, Object> card = adult.stomp()
				.awaitEvent("message", (e) -> "COUNSELLOR".equals(e.get("from")));
			assertThat((String) card.get("text")).contains("call 112");

			// Ctrl+K in the other chat: the youth centre, in Swedish, and no buyers' clinic.
			WebElement youngComposer = second.findElement(By.cssSelector("[data-test=composer]"));
			youngComposer.click();
			youngComposer.sendKeys("Här är ett tips: ");
			youngComposer.sendKeys(Keys.chord(Keys.CONTROL, "k"));
			WebElement youngFilter = waitFor(this.counsellor).until(ExpectedConditions
				.visibilityOf(second.findElement(By.cssSelector("[data-test=snippet-filter]"))));
			assertThat(second.findElements(By.cssSelector("[data-test=snippet][data-snippet=buyers-clinic]"))).isEmpty();
			youngFilter.sendKeys("ungdom");
			youngFilter.sendKeys(Keys.ENTER);
			assertThat(youngComposer.getAttribute("value")).startsWith("Här är ett tips: Ungdomsmottagningen");
			youngComposer.sendKeys(Keys.ENTER);
			assertThat((String) young.stomp()
				.awaitEvent("message", (e) -> "COUNSELLOR".equals(e.get("from")))
				.get("text")).contains("umo.se");

			// A supervisor starts following the first chat: its counsellor sees so at once.
			try (var sara = clients.staff("sara", "fyren-demo")) {
				sara.send("/app/supervisor/monitor", json("chatId", firstId));
				WebElement monitored = first.findElement(By.cssSelector("[data-test=monitored]"));
				waitFor(this.counsellor).until(ExpectedConditions.visibilityOf(monitored));
				assertThat(second.findElement(By.cssSelector("[data-test=monitored]")).isDisplayed()).isFalse();
				screenshot(this.counsellor, "two-chats-3-monitored");
				sara.send("/app/supervisor/unmonitor", json("chatId", firstId));
				waitFor(this.counsellor).until(ExpectedConditions.invisibilityOf(monitored));
			}

			// Ending asks for an outcome first.
			second.findElement(By.cssSelector("[data-test=end]")).click();
			assertThat(second.findElement(By.cssSelector("[data-test=outcome-hint]")).getText()).isNotEmpty();
			assertThat(young.stomp().events("ended")).isEmpty();
			new Select(second.findElement(By.cssSelector("[data-test=outcome]"))).selectByValue("referral");
			second.findElement(By.cssSelector("[data-test=end]")).click();
			young.stomp().awaitEvent("ended");
			waitFor(this.counsellor).until(ExpectedConditions.attributeToBe(second, "data-ended", "true"));
			assertThat(first.getAttribute("data-ended")).isNull();
			screenshot(this.counsellor, "two-chats-4-one-ended");
			adult.stomp().send("/app/visitor/end", Map.of());
			waitFor(this.counsellor).until(ExpectedConditions.attributeToBe(first, "data-ended", "true"));
		}
	}

	private void take(String queue) {
		By count = By.cssSelector("[data-test=queue][data-queue=" + queue + "] [data-test=waiting-count]");
		waitFor(this.counsellor).until(ExpectedConditions.textToBe(count, "1"));
		waitFor(this.counsellor)
			.until(ExpectedConditions.elementToBeClickable(
					By.cssSelector("[data-test=queue][data-queue=" + queue + "] [data-test=take]")))
			.click();
	}

	private WebElement chat(int count) {
		waitFor(this.counsellor).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-test=chat]"), count));
		return this.counsellor.findElements(By.cssSelector("[data-test=chat]")).get(count - 1);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
