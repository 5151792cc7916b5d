package se.fyren.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * A handover through the real front ends: the counsellor proposes from the
 * console, the visitor reads the preview in the widget, adds contact details
 * and confirms, and a case worker acknowledges it on the cases page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserHandoverTests {

	@LocalServerPort
	int port;

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
	void visitorConfirmsAProposalFromTheConsoleAndACaseWorkerAcknowledgesIt() {
		ConsolePages.logIn(this.staff, url("/console/"), "anna");
		waitFor(this.staff).until(ExpectedConditions.attributeToBe(By.id("fc-console"), "data-connection", "connected"));
		// Another test in the same application may have left anna on duty: the server's answer says.
		String duty = waitFor(this.staff).until((d) -> d.findElement(By.id("fc-console")).getDomAttribute("data-duty"));
		if (!"on".equals(duty)) {
			click(this.staff, By.cssSelector("[data-test=duty-toggle]"));
		}
		waitFor(this.staff).until(ExpectedConditions.attributeToBe(By.id("fc-console"), "data-duty", "on"));

		this.visitor.get(url("/widget/chat.html"));
		waitFor(this.visitor).until((d) -> new Select(d.findElement(By.cssSelector("[data-test=queue-select]"))).getOptions().size() >= 4);
		new Select(this.visitor.findElement(By.cssSelector("[data-test=queue-select]"))).selectByValue("sells-sex");
		click(this.visitor, By.cssSelector("[data-test=start]"));
		click(this.staff, By.cssSelector("[data-test=queue][data-queue=sells-sex] [data-test=take]"));
		waitFor(this.visitor).until(ExpectedConditions.attributeToBe(By.id("fyren-chat"), "data-state", "chatting"));
		String hostile = "I want help <img src=x onerror=alert(1)>";
		type(this.visitor, By.cssSelector("[data-test=composer]"), hostile);
		click(this.visitor, By.cssSelector("[data-test=send]"));
		waitFor(this.staff).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=chat] li[data-from=VISITOR]")));

		click(this.staff, By.cssSelector("[data-test=chat] .fc-case-tools summary"));
		waitFor(this.staff).until((d) -> new Select(d.findElement(By.cssSelector("[data-test=handover-unit]"))).getOptions().size() >= 3);
		new Select(this.staff.findElement(By.cssSelector("[data-test=handover-unit]"))).selectByValue("adults-clinic");
		type(this.staff, By.cssSelector("[data-test=handover-summary]"), "Adult, wants an appointment");
		type(this.staff, By.cssSelector("[data-test=handover-excerpts]"), "1");
		click(this.staff, By.cssSelector("[data-test=handover-propose]"));

		WebElement consent = waitFor(this.visitor).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=handover]")));
		assertThat(consent.getText()).contains("Vuxenmottagningen", "Adult, wants an appointment", hostile);
		assertThat(consent.findElements(By.tagName("img"))).isEmpty();
		screenshot(this.visitor, "visitor-handover-consent");
		type(this.visitor, By.cssSelector("[data-test=handover-contact]"), "Kim 070-111 22 33");
		click(this.visitor, By.cssSelector("[data-test=handover-confirm]"));
		WebElement result = waitFor(this.visitor).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=handover-result]")));
		waitFor(this.visitor).until((d) -> result.getText().matches("(?s).*FY-[A-Z0-9]{10}.*"));
		assertThat(consent.isDisplayed()).isFalse();
		String reference = result.getText().replaceAll("(?s).*(FY-[A-Z0-9]{10}).*", "$1");
		waitFor(this.staff).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=case-status]"), reference));

		// Leave anna as found: the application is shared with other browser tests.
		click(this.visitor, By.cssSelector("[data-test=end]"));
		waitFor(this.visitor).until(ExpectedConditions.attributeToBe(By.id("fyren-chat"), "data-state", "ended"));
		waitFor(this.staff).until(ExpectedConditions.attributeToBe(By.cssSelector("[data-test=chat]"), "data-ended", "true"));
		click(this.staff, By.cssSelector("[data-test=duty-toggle]"));
		waitFor(this.staff).until(ExpectedConditions.attributeToBe(By.id("fc-console"), "data-duty", "off"));

		this.staff.manage().deleteAllCookies();
		ConsolePages.logIn(this.staff, url("/console/"), "cia");
		WebElement entry = waitFor(this.staff).until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector("[data-test=inbox-list] li[data-reference='" + reference + "']")));
		entry.findElement(By.cssSelector("[data-test=handover-open]")).click();
		WebElement opened = waitFor(this.staff).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=opened]")));
		waitFor(this.staff).until((d) -> opened.getText().contains("Kim 070-111 22 33"));
		assertThat(opened.findElements(By.tagName("img"))).isEmpty();
		click(this.staff, By.cssSelector("[data-test=inbox-list] li[data-reference='" + reference + "'] [data-test=handover-acknowledge]"));
		waitFor(this.staff).until(ExpectedConditions.invisibilityOfElementLocated(
				By.cssSelector("[data-test=inbox-list] li[data-reference='" + reference + "'] [data-test=handover-acknowledge]")));
		screenshot(this.staff, "cases-inbox");

		// The printable page is styled by its external sheet under the same policy as every other page.
		this.staff.get(url("/api/handovers/" + reference + "/print"));
		WebElement quote = waitFor(this.staff).until(ExpectedConditions.visibilityOfElementLocated(By.tagName("blockquote")));
		waitFor(this.staff).until((d) -> "solid".equals(quote.getCssValue("border-left-style")));
		assertThat(quote.getCssValue("border-left-width")).isEqualTo("3px");
		assertThat(quote.getCssValue("white-space")).isEqualTo("pre-wrap");
		assertThat(this.staff.findElement(By.tagName("body")).getCssValue("font-family")).isEqualTo("sans-serif");
		assertThat(this.staff.findElements(By.tagName("style"))).isEmpty();
		String printPolicy = policyOf("/api/handovers/" + reference + "/print");
		assertThat(printPolicy).isEqualTo(policyOf("/console/cases.html"))
			.contains("style-src 'self'")
			.doesNotContain("unsafe-inline");
		screenshot(this.staff, "handover-print");
	}

	/** The Content-Security-Policy the server sends with a page, as this browser (logged in) gets it. */
	private String policyOf(String path) {
		return (String) ((JavascriptExecutor) this.staff).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], { credentials: 'same-origin' })
					.then((response) => done(response.headers.get('content-security-policy')))
					.catch((error) => done('failed: ' + error));
				""", path);
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
