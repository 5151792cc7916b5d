package se.fyren.browser;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
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
 * A counsellor's shift in the console: offers and messages are heard and
 * counted in the title until the sound is muted, and the choice lasts; a
 * pause and the chat's internal notes show on the supervisor's dashboard.
 */
// The console tests' context, so chats left open here never reach the walking-skeleton tests.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "fyren.supervision.refresh-interval=2s")
// Its figures count everyone on duty: a fresh application, not one where earlier tests' counsellors are still on duty.
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class ConsoleShiftBrowserTests {

	/** Counts the tones the console plays, through the browser's own audio API. */
	private static final String COUNT_TONES = """
			window.fyrenTones = 0;
			const start = OscillatorNode.prototype.start;
			OscillatorNode.prototype.start = function (...args) {
			  window.fyrenTones += 1;
			  return start.apply(this, args);
			};""";

	@LocalServerPort
	int port;

	WebDriver counsellor;

	WebDriver supervisor;

	@BeforeEach
	void openBrowser() {
		this.counsellor = Browsers.open(1400, 1000);
		((ChromeDriver) this.counsellor).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
				Map.of("source", COUNT_TONES));
	}

	@AfterEach
	void closeBrowsers() {
		this.counsellor.quit();
		if (this.supervisor != null) {
			this.supervisor.quit();
		}
	}

	@Test
	void offersAndMessagesAreHeardAndCountedInTheTitleUntilMuted() {
		FyrenClients clients = new FyrenClients(this.port);
		ConsolePages.logInAndGoOnDuty(this.counsellor, url("/console/"), "dragan");
		assertThat(tones()).isZero();
		try (Visitor visitor = clients.visitor()) {
			visitor.stomp().send("/app/visitor/join", json("queue", "relatives"));
			WebElement accept = waitFor(this.counsellor).until(ExpectedConditions
				.elementToBeClickable(By.cssSelector("[data-test=offer] [data-test=accept]")));
			// The duty click was the gesture that lets the console play sound: the offer is heard.
			waitFor(this.counsellor).until((d) -> tones() == 1);
			assertThat(this.counsellor.getTitle()).startsWith("(1) ");
			screenshot(this.counsellor, "shift-1-offer");

			accept.click();
			WebElement chat = waitFor(this.counsellor)
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=chat]")));
			visitor.stomp().awaitEvent("chat-started");
			chat.findElement(By.cssSelector("[data-test=composer]")).click();
			waitFor(this.counsellor).until((d) -> !this.counsellor.getTitle().startsWith("("));
			int before = tones();

			// Somewhere else in the console, a message arrives: a tone and the count.
			this.counsellor.findElement(By.cssSelector("#fc-chatlist-heading")).click();
			visitor.stomp().send("/app/visitor/message", json("id", "v1", "text", "Hallå?"));
			waitFor(this.counsellor).until((d) -> this.counsellor.getTitle().startsWith("(1) "));
			waitFor(this.counsellor).until((d) -> tones() == before + 1);

			// Muted: still counted, not heard.
			WebElement sound = this.counsellor.findElement(By.cssSelector("[data-test=sound-toggle]"));
			sound.click();
			assertThat(sound.getAttribute("aria-pressed")).isEqualTo("false");
			visitor.stomp().send("/app/visitor/message", json("id", "v2", "text", "Är du kvar?"));
			waitFor(this.counsellor).until((d) -> this.counsellor.getTitle().startsWith("(2) "));
			assertThat(tones()).isEqualTo(before + 1);
			screenshot(this.counsellor, "shift-2-muted");

			// The choice lasts through a reload, for the rest of the shift.
			this.counsellor.navigate().refresh();
			WebElement console = waitFor(this.counsellor)
				.until(ExpectedConditions.presenceOfElementLocated(By.id("fc-console")));
			waitFor(this.counsellor).until(ExpectedConditions.attributeToBe(console, "data-synced", "true"));
			assertThat(this.counsellor.findElement(By.cssSelector("[data-test=sound-toggle]")).getAttribute("aria-pressed"))
				.isEqualTo("false");
			visitor.stomp().send("/app/visitor/message", json("id", "v3", "text", "Hallå igen"));
			waitFor(this.counsellor).until((d) -> this.counsellor.getTitle().startsWith("(1) "));
			assertThat(tones()).isZero();

			visitor.stomp().send("/app/visitor/end", Map.of());
			visitor.stomp().awaitEvent("ended");
		}
		goOffDuty(this.counsellor);
	}

	@Test
	void aPauseAndTheChatsInternalNotesShowOnTheDashboard() {
		FyrenClients clients = new FyrenClients(this.port);
		ConsolePages.logInAndGoOnDuty(this.counsellor, url("/console/"), "dragan");
		try (Visitor visitor = clients.visitor(); Visitor endangered = clients.visitor()) {
			visitor.stomp().send("/app/visitor/join", json("queue", "relatives"));
			waitFor(this.counsellor).until(ExpectedConditions
				.elementToBeClickable(By.cssSelector("[data-test=offer] [data-test=accept]"))).click();
			String chatId = (String) visitor.stomp().awaitEvent("chat-started").get("chatId");
			WebElement chat = waitFor(this.counsellor)
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=chat]")));

			WebElement pause = this.counsellor.findElement(By.cssSelector("[data-test=pause-toggle]"));
			pause.click();
			WebElement console = this.counsellor.findElement(By.id("fc-console"));
			waitFor(this.counsellor).until(ExpectedConditions.attributeToBe(console, "data-availability", "paused"));
			assertThat(pause.getAttribute("aria-pressed")).isEqualTo("true");

			// An internal note, for staff only.
			chat.findElement(By.cssSelector("[data-test=notes] summary")).click();
			chat.findElement(By.cssSelector("[data-test=note-text]")).sendKeys("Ring <b>socialtjänsten</b> i morgon");
			chat.findElement(By.cssSelector("[data-test=note-save]")).click();
			By note = By.cssSelector("[data-test=notes] [data-test=note-item]");
			waitFor(this.counsellor).until(ExpectedConditions.visibilityOfElementLocated(note));
			assertThat(chat.findElement(note).getText()).contains("Ring <b>socialtjänsten</b> i morgon");
			screenshot(this.counsellor, "shift-3-paused-with-note");

			this.supervisor = Browsers.open(1400, 1000);
			ConsolePages.logIn(this.supervisor, url("/console/"), "sara");
			this.supervisor.get(url("/console/dashboard.html"));
			waitFor(this.supervisor).until((d) -> "1".equals(cell("relatives", "paused")));
			assertThat(cell("sells-sex", "paused")).isEqualTo("1");
			assertThat(cell("youth", "paused")).isEqualTo("0");
			assertThat(alerted("relatives", "urgent-waiting")).isFalse();

			// Someone in danger waits while the only counsellor is paused: both figures light up.
			endangered.stomp().send("/app/visitor/join", json("queue", "relatives", "danger", true));
			waitFor(this.supervisor).until((d) -> "1".equals(cell("relatives", "urgent-waiting")));
			assertThat(alerted("relatives", "urgent-waiting")).isTrue();
			assertThat(alerted("relatives", "paused")).isTrue();
			assertThat(this.counsellor.findElements(By.cssSelector("[data-test=offer]"))).isEmpty();

			// Following the chat, the supervisor reads the note as text.
			waitFor(this.supervisor).until(ExpectedConditions.elementToBeClickable(
					By.cssSelector("[data-test=chat-row][data-chat-id='" + chatId + "'] [data-test=follow]"))).click();
			By followedNote = By.cssSelector("[data-test=follow-notes] [data-test=note-item]");
			waitFor(this.supervisor).until(ExpectedConditions.visibilityOfElementLocated(followedNote));
			assertThat(this.supervisor.findElement(followedNote).getText()).contains("Ring <b>socialtjänsten</b> i morgon");
			screenshot(this.supervisor, "shift-4-dashboard-paused-urgent-note");
			assertThat(visitor.stomp().events("note")).isEmpty();

			pause.click();
			waitFor(this.counsellor).until(ExpectedConditions.attributeToBe(console, "data-availability", "on"));
			waitFor(this.supervisor).until((d) -> "0".equals(cell("relatives", "paused")));
			endangered.stomp().send("/app/visitor/leave", Map.of());
			endangered.stomp().awaitEvent("left");
			visitor.stomp().send("/app/visitor/end", Map.of());
			visitor.stomp().awaitEvent("ended");
		}
		goOffDuty(this.counsellor);
	}

	private int tones() {
		return ((Number) ((JavascriptExecutor) this.counsellor).executeScript("return window.fyrenTones ?? -1")).intValue();
	}

	// The table is redrawn on every update: read it in one script, never through a kept element.
	private String cell(String queue, String column) {
		return (String) ((JavascriptExecutor) this.supervisor).executeScript(
				"return document.querySelector(`[data-test=queue-row][data-queue=${arguments[0]}] [data-test=${arguments[1]}]`)"
						+ "?.textContent ?? ''",
				queue, column);
	}

	private boolean alerted(String queue, String column) {
		return (Boolean) ((JavascriptExecutor) this.supervisor).executeScript(
				"return document.querySelector(`[data-test=queue-row][data-queue=${arguments[0]}] [data-test=${arguments[1]}]`)"
						+ "?.hasAttribute('data-alert') ?? false",
				queue, column);
	}

	private void goOffDuty(WebDriver driver) {
		WebElement console = driver.findElement(By.id("fc-console"));
		driver.findElement(By.cssSelector("[data-test=duty-toggle]")).click();
		waitFor(driver).until(ExpectedConditions.attributeToBe(console, "data-duty", "off"));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
