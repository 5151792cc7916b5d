package se.fyren.browser;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.fyren.conversation.ChatStore;
import se.fyren.testsupport.Browsers;
import se.fyren.testsupport.ConsolePages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.fyren.testsupport.Browsers.screenshot;
import static se.fyren.testsupport.Browsers.waitFor;

/**
 * A counsellor blocks an abusive visitor from the console. The visitor's
 * widget ends the chat as any other; coming back in the same tab once the
 * ended chat is forgotten, and asking for a new chat, they are told kindly
 * that the chat is not available right now. (Starting afresh with "new chat"
 * drops the token, and with it the block: a block is a brake, not a ban.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fyren.retention.transcripts=1s", "fyren.retention.purge-interval=200ms" })
class BlockBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ChatStore chats;

	WebDriver visitor;

	WebDriver staff;

	@BeforeEach
	void openBrowsers() {
		this.visitor = Browsers.open(390, 844);
		this.staff = Browsers.open(1280, 900);
	}

	@AfterEach
	void closeBrowsers() {
		this.visitor.quit();
		this.staff.quit();
	}

	@Test
	void aBlockedVisitorIsToldKindlyThatTheChatIsNotAvailable() {
		ConsolePages.logInAndGoOnDuty(this.staff, url("/console/"), "anna");

		this.visitor.get(url("/widget/chat.html?lang=en"));
		startChat();
		click(this.staff, By.cssSelector("[data-test=queue][data-queue=sells-sex] [data-test=take]"));
		waitFor(this.visitor).until(ExpectedConditions.attributeToBe(By.id("fyren-chat"), "data-state", "chatting"));

		String chatId = this.staff.findElement(By.cssSelector("[data-test=chat]")).getDomAttribute("data-chat-id");
		click(this.staff, By.cssSelector("[data-test=chat] [data-test=block-tool] summary"));
		Select duration = new Select(waitFor(this.staff)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=block-duration]"))));
		assertThat(duration.getOptions()).extracting((option) -> option.getDomAttribute("value"))
			.containsExactly("3600", "86400");
		assertThat(duration.getOptions()).extracting(WebElement::getText)
			.satisfiesExactly((text) -> assertThat(text).matches("1 (hour|timme)"),
					(text) -> assertThat(text).matches("24 (hours|timmar)"));
		duration.selectByValue("86400");
		screenshot(this.staff, "console-block");
		click(this.staff, By.cssSelector("[data-test=block-confirm]"));
		waitFor(this.staff).until(ExpectedConditions.attributeToBe(By.cssSelector("[data-test=chat]"), "data-ended", "true"));
		waitFor(this.visitor).until(ExpectedConditions.attributeToBe(By.id("fyren-chat"), "data-state", "ended"));

		// Back in the same tab (the token is still in its sessionStorage) once the ended chat is forgotten.
		String token = (String) ((JavascriptExecutor) this.visitor).executeScript("return sessionStorage.getItem('fyren.token')");
		assertThat(token).isNotBlank();
		await().atMost(Duration.ofSeconds(20)).until(() -> this.chats.find(chatId).isEmpty());
		this.visitor.navigate().refresh();
		waitFor(this.visitor).until(ExpectedConditions.attributeToBe(By.id("fyren-chat"), "data-state", "prechat"));
		startChat();
		WebElement error = waitFor(this.visitor)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=error]")));
		waitFor(this.visitor).until((d) -> !error.getText().isEmpty());
		assertThat(error.getText()).startsWith("The chat is not available to you right now")
			.doesNotContainIgnoringCase("block")
			.doesNotContainIgnoringCase("abus");
		assertThat(this.visitor.findElement(By.id("fyren-chat")).getDomAttribute("data-state")).isEqualTo("prechat");
		screenshot(this.visitor, "widget-blocked");

		click(this.staff, By.cssSelector("[data-test=duty-toggle]"));
		waitFor(this.staff).until(ExpectedConditions.attributeToBe(By.id("fc-console"), "data-duty", "off"));
	}

	private void startChat() {
		waitFor(this.visitor).until((d) -> new Select(d.findElement(By.cssSelector("[data-test=queue-select]"))).getOptions().size() >= 4);
		new Select(this.visitor.findElement(By.cssSelector("[data-test=queue-select]"))).selectByValue("sells-sex");
		click(this.visitor, By.cssSelector("[data-test=start]"));
	}

	private static void click(WebDriver driver, By locator) {
		waitFor(driver).until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
