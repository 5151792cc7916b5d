package se.fyren.browser;

import java.util.List;

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

import se.fyren.testsupport.Browsers;
import se.fyren.testsupport.ConsolePages;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.Browsers.screenshot;
import static se.fyren.testsupport.Browsers.waitFor;

/**
 * The demo page and the console, each in its own headless Chromium, complete
 * a chat as a visitor on a phone and a counsellor at a desk would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserChatTests {

	@LocalServerPort
	int port;

	WebDriver visitor;

	WebDriver counsellor;

	@BeforeEach
	void openBrowsers() {
		this.visitor = Browsers.open(390, 844);
		this.counsellor = Browsers.open(1280, 900);
	}

	@AfterEach
	void closeBrowsers() {
		this.visitor.quit();
		this.counsellor.quit();
	}

	@Test
	void demoPageAndConsoleCompleteAChat() {
		ConsolePages.logInAndGoOnDuty(this.counsellor, url("/console/"), "anna");

		this.visitor.get(url("/demo/"));
		screenshot(this.visitor, "visitor-1-demo-page");
		click(this.visitor, By.id("fyren-launcher"));
		waitFor(this.visitor).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("fyren-frame")));
		waitFor(this.visitor).until((d) -> new Select(d.findElement(By.cssSelector("[data-test=queue-select]")))
			.getOptions()
			.size() >= 4);
		new Select(this.visitor.findElement(By.cssSelector("[data-test=queue-select]"))).selectByValue("sells-sex");
		screenshot(this.visitor, "visitor-2-prechat");
		click(this.visitor, By.cssSelector("[data-test=start]"));
		awaitState(this.visitor, "queued");
		waitFor(this.visitor)
			.until(ExpectedConditions.textToBe(By.cssSelector("[data-test=position]"), "1"));
		screenshot(this.visitor, "visitor-3-queued");

		By waitingCount = By.cssSelector("[data-test=queue][data-queue=sells-sex] [data-test=waiting-count]");
		waitFor(this.counsellor).until(ExpectedConditions.textToBe(waitingCount, "1"));
		screenshot(this.counsellor, "console-1-waiting");
		click(this.counsellor, By.cssSelector("[data-test=queue][data-queue=sells-sex] [data-test=take]"));
		WebElement chat = waitFor(this.counsellor)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=chat]")));
		awaitState(this.visitor, "chatting");

		String hostile = "Hej <b>fet</b> <img src=x onerror=alert(1)>";
		type(this.visitor, By.cssSelector("[data-test=composer]"), hostile);
		click(this.visitor, By.cssSelector("[data-test=send]"));
		WebElement received = waitFor(this.counsellor).until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("[data-test=chat] li[data-from=VISITOR]")));
		assertThat(received.getText()).contains(hostile);
		assertThat(received.findElements(By.tagName("b"))).isEmpty();
		assertThat(received.findElements(By.tagName("img"))).isEmpty();

		type(this.counsellor, By.cssSelector("[data-test=chat] [data-test=composer]"), "Hej! Jag heter Anna.");
		click(this.counsellor, By.cssSelector("[data-test=chat] [data-test=send]"));
		waitFor(this.visitor).until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("[data-test=messages] li[data-from=COUNSELLOR]")));
		screenshot(this.visitor, "visitor-4-chatting");
		screenshot(this.counsellor, "console-2-chatting");

		List<WebElement> visitorMessages = this.visitor.findElements(By.cssSelector("[data-test=messages] li[data-message-id]"));
		assertThat(visitorMessages).hasSize(2);

		click(this.visitor, By.cssSelector("[data-test=end]"));
		awaitState(this.visitor, "ended");
		waitFor(this.counsellor).until(ExpectedConditions.attributeToBe(chat, "data-ended", "true"));
		screenshot(this.visitor, "visitor-5-ended");
		screenshot(this.counsellor, "console-3-ended");
	}

	private static void awaitState(WebDriver driver, String state) {
		waitFor(driver).until(ExpectedConditions.attributeToBe(By.id("fyren-chat"), "data-state", state));
	}

	private static void click(WebDriver driver, By locator) {
		waitFor(driver).until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	private static void type(WebDriver driver, By locator, String text) {
		waitFor(driver).until(ExpectedConditions.elementToBeClickable(locator)).sendKeys(text);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
