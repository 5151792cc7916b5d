package se.fyren.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;

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
import se.fyren.testsupport.ConsolePages;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.Browsers.screenshot;
import static se.fyren.testsupport.Browsers.waitFor;

/**
 * The statistics' categories through the real front ends: the visitor
 * describes themselves in the widget's optional questions, the counsellor
 * sends a referral card, the visitor leaves, and the console asks for the
 * outcome afterwards. The supervisor's table counts each of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserStatisticsCategoriesTests {

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
	void theVisitorsSelfDescriptionTheReferralCardAndTheLateOutcomeAreCounted() throws Exception {
		ConsolePages.logInAndGoOnDuty(this.staff, url("/console/?lang=en"), "dragan");
		// A queue of dragan's that the other browser tests leave alone.
		String queue = "relatives";

		this.visitor.get(url("/widget/chat.html?lang=en"));
		Select gender = new Select(waitFor(this.visitor).until(
				ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=gender-select]"))));
		Select municipality = new Select(this.visitor.findElement(By.cssSelector("[data-test=municipality-select]")));
		waitFor(this.visitor).until((d) -> municipality.getOptions().size() > 2);
		assertThat(gender.getOptions()).extracting(WebElement::getText)
			.containsExactly("Prefer not to say", "Woman", "Man", "Non-binary");
		assertThat(municipality.getOptions()).extracting(WebElement::getText).startsWith("Prefer not to say", "Göteborg").endsWith("Other");
		new Select(this.visitor.findElement(By.cssSelector("[data-test=queue-select]"))).selectByValue(queue);
		gender.selectByValue("non-binary");
		municipality.selectByValue("Partille");
		screenshot(this.visitor, "prechat-self-description");
		click(this.visitor, By.cssSelector("[data-test=start]"));
		click(this.staff, By.cssSelector("[data-test=queue][data-queue=" + queue + "] [data-test=take]"));
		waitFor(this.visitor).until(ExpectedConditions.attributeToBe(By.id("fyren-chat"), "data-state", "chatting"));

		WebElement chat = waitFor(this.staff).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=chat]")));
		WebElement composer = chat.findElement(By.cssSelector("[data-test=composer]"));
		composer.click();
		composer.sendKeys("/");
		WebElement filter = waitFor(this.staff).until(ExpectedConditions
			.visibilityOf(chat.findElement(By.cssSelector("[data-test=snippet-filter]"))));
		filter.sendKeys("112");
		filter.sendKeys(Keys.ENTER);
		composer.sendKeys(Keys.ENTER);
		waitFor(this.visitor).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=messages]"), "112"));

		// The visitor leaves: the console asks for the outcome now.
		click(this.visitor, By.cssSelector("[data-test=end]"));
		WebElement late = waitFor(this.staff).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=late-outcome]")));
		new Select(late.findElement(By.cssSelector("[data-test=late-outcome-select]"))).selectByValue("information");
		screenshot(this.staff, "late-outcome");
		late.findElement(By.cssSelector("[data-test=late-outcome-save]")).click();
		waitFor(this.staff).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=late-outcome-saved]")));
		click(this.staff, By.cssSelector("[data-test=duty-toggle]"));
		waitFor(this.staff).until(ExpectedConditions.attributeToBe(By.id("fc-console"), "data-duty", "off"));

		String sara = new FyrenClients(this.port).login("sara", "fyren-demo");
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
		String csv = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/api/statistics/daily.csv?from=" + today.minusDays(1) + "&to=" + today)))
				.header("Cookie", sara)
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(csv).contains("\"" + queue + "\",\"gender\",\"non-binary\",<5,", "\"" + queue + "\",\"municipality\",\"Partille\",<5,",
				"\"" + queue + "\",\"referral\",\"emergency\",<5,", "\"" + queue + "\",\"outcome\",\"information\",<5,");
	}

	private static void click(WebDriver driver, By locator) {
		waitFor(driver).until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
