package se.fyren.browser;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import se.fyren.testsupport.Browsers;
import se.fyren.testsupport.FyrenClients;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.MutableClock;
import se.fyren.testsupport.StompParticipant;
import se.fyren.testsupport.ConsolePages;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.Browsers.screenshot;
import static se.fyren.testsupport.Browsers.waitFor;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * A supervisor on the dashboard sees a queue fall behind its target as the
 * wait passes it, without reloading, and reads the hour's history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "fyren.supervision.refresh-interval=300ms")
class DashboardBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	WebDriver supervisor;

	@BeforeEach
	void openBrowser() {
		this.supervisor = Browsers.open(1400, 1000);
	}

	@AfterEach
	void closeBrowser() {
		this.supervisor.quit();
	}

	@Test
	void supervisorSeesABreachAppearWhenAWaitPassesTheTarget() {
		FyrenClients clients = new FyrenClients(this.port);
		try (StompParticipant anna = clients.staff("anna", "fyren-demo"); Visitor first = clients.visitor();
				Visitor second = clients.visitor()) {
			anna.send("/app/counsellor/duty", json("onDuty", true));
			anna.awaitEvent("duty", (e) -> Boolean.TRUE.equals(e.get("onDuty")));
			first.stomp().send("/app/visitor/join", json("queue", "sells-sex"));
			first.stomp().awaitEvent("position");
			this.clock.advance(Duration.ofSeconds(45));
			anna.send("/app/counsellor/take", json("queue", "sells-sex"));
			first.stomp().awaitEvent("chat-started");

			ConsolePages.logIn(this.supervisor, url("/console/"), "sara");
			this.supervisor.get(url("/console/dashboard.html"));
			By youth = By.cssSelector("[data-test=queue-row][data-queue=youth]");
			waitFor(this.supervisor).until(ExpectedConditions.visibilityOfElementLocated(youth));
			assertThat(cell("sells-sex", "median")).isEqualTo("0:45");
			assertThat(cell("sells-sex", "within-target")).isEqualTo("100 %");
			assertThat(cell("sells-sex", "staff")).isEqualTo("1 (1)");
			assertThat(breached("youth")).isFalse();

			second.stomp().send("/app/visitor/join", json("queue", "youth"));
			second.stomp().awaitEvent("position");
			waitFor(this.supervisor).until((d) -> cell("youth", "waiting").equals("1"));
			assertThat(breached("youth")).isFalse();

			this.clock.advance(Duration.ofSeconds(61));
			waitFor(this.supervisor).until((d) -> breached("youth"));
			assertThat(cell("youth", "longest")).isEqualTo("1:01");
			assertThat(this.supervisor.findElement(By.cssSelector("[data-test=breach-alert]")).getText())
				.contains("1:01 > 1:00");
			assertThat(this.supervisor.getTitle()).startsWith("(!)");

			// Following the chat under way: read-only, with what was written so far.
			first.stomp().send("/app/visitor/message", json("id", "v1", "text", "<i>not markup</i>"));
			anna.awaitEvent("message", (e) -> "v1".equals(e.get("id")));
			waitFor(this.supervisor).until(ExpectedConditions
				.elementToBeClickable(By.cssSelector("[data-test=chat-row] [data-test=follow]"))).click();
			By followed = By.cssSelector("[data-test=follow-messages] li[data-from=VISITOR]");
			waitFor(this.supervisor).until(ExpectedConditions.visibilityOfElementLocated(followed));
			assertThat(this.supervisor.findElement(followed).getText()).contains("<i>not markup</i>");
			assertThat(this.supervisor.findElements(By.cssSelector("[data-test=follow-panel] textarea"))).isEmpty();
			anna.awaitEvent("monitored", (e) -> Boolean.TRUE.equals(e.get("monitored")));
			anna.send("/app/counsellor/message", json("chatId", anna.events("chat-assigned").get(0).get("chatId"),
					"id", "c1", "text", "Jag finns här."));
			WebElement counsellors = waitFor(this.supervisor).until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector("[data-test=follow-messages] li[data-from=COUNSELLOR]")));
			// Named by who wrote it, so a transferred chat reads right.
			assertThat(counsellors.findElement(By.cssSelector(".fc-msg-who")).getText()).isEqualTo("Anna");

			// The history of the scripted day: one arrival, taken after 45 s.
			((JavascriptExecutor) this.supervisor).executeScript("""
					const form = document.querySelector('[data-test=history-form]');
					form.elements.queue.value = 'sells-sex';
					form.elements.from.value = '2026-03-02';
					form.elements.to.value = '2026-03-02';
					form.requestSubmit();""");
			waitFor(this.supervisor).until(ExpectedConditions
				.numberOfElementsToBe(By.cssSelector("[data-test=history-table] tbody tr"), 1));
			waitFor(this.supervisor).until(ExpectedConditions
				.presenceOfElementLocated(By.cssSelector("[data-test=chart-waits] .uplot")));
			screenshot(this.supervisor, "dashboard-1-breach");
		}
	}

	@Test
	void counsellorIsNotShownTheDashboard() {
		ConsolePages.logIn(this.supervisor, url("/console/"), "anna");
		this.supervisor.get(url("/console/dashboard.html"));
		assertThat(this.supervisor.findElements(By.cssSelector("[data-test=live]"))).isEmpty();
	}

	// The table is redrawn on every update: read it in one script, never through a kept element.
	private String cell(String queue, String column) {
		return (String) ((JavascriptExecutor) this.supervisor).executeScript(
				"return document.querySelector(`[data-test=queue-row][data-queue=${arguments[0]}] [data-test=${arguments[1]}]`)"
						+ "?.textContent.replace(/\\s/g, ' ') ?? ''",
				queue, column);
	}

	private boolean breached(String queue) {
		return (Boolean) ((JavascriptExecutor) this.supervisor).executeScript(
				"return document.querySelector(`[data-test=queue-row][data-queue=${arguments[0]}]`)?.hasAttribute('data-breach') ?? false",
				queue);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(Instant.parse("2026-03-02T11:00:00Z"));
		}

	}

}
