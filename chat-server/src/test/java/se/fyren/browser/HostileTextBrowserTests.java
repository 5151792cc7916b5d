package se.fyren.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import se.fyren.system.UntrustedText;
import se.fyren.testsupport.Browsers;
import se.fyren.testsupport.FyrenClients;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.ConsolePages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static se.fyren.testsupport.Browsers.screenshot;
import static se.fyren.testsupport.Browsers.waitFor;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * Stored XSS, tried as an attacker would: a visitor sends script in every
 * field they control, and every staff view that shows it (the counsellor's
 * console, the supervisor's monitor view, the case workers' inbox and the
 * printable handover) is opened in real Chromium. A trap set before any page
 * script runs notices a payload that runs or opens a dialog; the text must
 * show literally, with no element made from it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fyren.rate-limit.budgets.letterbox.capacity=100",
				"fyren.rate-limit.budgets.chat-message.capacity=100" })
class HostileTextBrowserTests {

	/** Each would set window.__xss, or open a dialog, if it ever ran. */
	static final List<String> PAYLOADS = List.of("<script>window.__xss = 'script'</script>",
			"<img src=x onerror=\"window.__xss = 'img'\">", "<img src=x onerror=alert(1)>",
			"<svg onload=\"window.__xss = 'svg'\"><circle r=1></circle></svg>",
			"<a href=\"javascript:window.__xss = 'link'\" id=xss-link>open</a>", "javascript:window.__xss = 'bare'",
			"\u202Eexe.txt<iframe src=\"javascript:window.__xss = 'bidi'\"></iframe>\u202C",
			"&lt;img src=x onerror=window.__xss='entity'&gt; &amp; &#60;b&#62;",
			"\"><body onload=\"window.__xss = 'attribute'\">",
			"<details open ontoggle=\"window.__xss = 'details'\">x</details>",
			"{{constructor.constructor('window.__xss = \"template\"')()}}");

	/** Runs before any script of every page: records what a payload would do. */
	private static final String TRAP = """
			for (const name of ['alert', 'confirm', 'prompt']) {
			  window[name] = () => { window.__xss = 'dialog:' + name; };
			}""";

	/**
	 * What text must never turn into: anywhere, an event handler attribute, a
	 * javascript: URL or an inline script (Fyren's pages have none); inside a
	 * container of text, any element that loads or runs something.
	 */
	private static final String INJECTED = """
			const [root, textOnly] = arguments;
			return [...root.querySelectorAll('*')]
			  .filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on')
			      || /^\\s*javascript:/i.test(a.value))
			    || (el.tagName === 'SCRIPT' && !el.src)
			    || (textOnly && el.matches('script, img, svg, iframe, object, embed, details, body, link, style, meta')))
			  .map((el) => el.outerHTML.slice(0, 80));""";

	@LocalServerPort
	int port;

	FyrenClients clients;

	WebDriver staff;

	WebDriver supervisor;

	@BeforeEach
	void openBrowsers() {
		this.clients = new FyrenClients(this.port);
		this.staff = trapped(Browsers.open(1280, 900));
		this.supervisor = trapped(Browsers.open(1280, 900));
	}

	@AfterEach
	void closeBrowsers() {
		this.staff.quit();
		this.supervisor.quit();
	}

	@Test
	void whatAVisitorWritesStaysTextInEveryStaffView() throws Exception {
		List<String> shown = PAYLOADS.stream().map(UntrustedText::neutralise).toList();
		ConsolePages.logIn(this.staff, url("/console/"), "anna");
		waitFor(this.staff).until(ExpectedConditions.attributeToBe(By.id("fc-console"), "data-connection", "connected"));
		String duty = waitFor(this.staff).until((d) -> d.findElement(By.id("fc-console")).getDomAttribute("data-duty"));
		if (!"on".equals(duty)) {
			click(this.staff, By.cssSelector("[data-test=duty-toggle]"));
		}
		waitFor(this.staff).until(ExpectedConditions.attributeToBe(By.id("fc-console"), "data-duty", "on"));

		try (Visitor visitor = this.clients.visitor()) {
			// Pre-chat values are checked against the service's own lists: script never gets in.
			visitor.stomp().send("/app/visitor/join", json("queue", "sells-sex", "ageBand", PAYLOADS.get(1)));
			assertThat(visitor.stomp().awaitError(1)).isEqualTo("INVALID_PAYLOAD");
			visitor.stomp().send("/app/visitor/join", json("queue", "sells-sex", "language", PAYLOADS.get(0)));
			assertThat(visitor.stomp().awaitError(2)).isEqualTo("INVALID_PAYLOAD");
			visitor.stomp().send("/app/visitor/join", json("queue", PAYLOADS.get(3)));
			assertThat(visitor.stomp().awaitError(3)).isIn("INVALID_PAYLOAD", "UNKNOWN_QUEUE");
			visitor.stomp().send("/app/visitor/join", json("queue", "sells-sex"));
			visitor.stomp().awaitEvent("position");
			click(this.staff, By.cssSelector("[data-test=queue][data-queue=sells-sex] [data-test=take]"));
			String chatId = (String) visitor.stomp().awaitEvent("chat-started").get("chatId");
			for (int i = 0; i < PAYLOADS.size(); i++) {
				visitor.stomp().send("/app/visitor/message", json("id", "x" + i, "text", PAYLOADS.get(i)));
			}

			// The counsellor's console.
			By inConsole = By.cssSelector("[data-test=chat] li[data-from=VISITOR] .fc-msg-text");
			waitFor(this.staff).until(ExpectedConditions.numberOfElementsToBe(inConsole, PAYLOADS.size()));
			assertInert(this.staff, inConsole, shown, "[data-test=chat] .fc-messages");
			screenshot(this.staff, "hostile-text-console");

			// Letters, as the console lists them.
			for (String payload : PAYLOADS) {
				HttpResponse<String> letter = postLetter(payload);
				assertThat(letter.statusCode()).as(letter.body()).isEqualTo(201);
			}
			click(this.staff, By.cssSelector("[data-test=letterbox-refresh]"));
			By letters = By.cssSelector("[data-test=letter] [data-test=letter-text]");
			waitFor(this.staff).until((d) -> d.findElements(letters).size() >= PAYLOADS.size());
			assertInert(this.staff, letters, shown, "[data-test=letters]");

			// The supervisor following the chat.
			ConsolePages.logIn(this.supervisor, url("/console/dashboard.html"), "sara");
			waitFor(this.supervisor).until(ExpectedConditions
				.elementToBeClickable(By.cssSelector("[data-test=chat-row] [data-test=follow]"))).click();
			By followed = By.cssSelector("[data-test=follow-messages] li[data-from=VISITOR] .fc-msg-text");
			waitFor(this.supervisor).until(ExpectedConditions.numberOfElementsToBe(followed, PAYLOADS.size()));
			assertInert(this.supervisor, followed, shown, "[data-test=follow-panel]");
			assertInert(this.supervisor, null, List.of(), "body");
			screenshot(this.supervisor, "hostile-text-monitor");

			// A handover quoting the messages, with script as the summary and as the visitor's contact details.
			click(this.staff, By.cssSelector("[data-test=chat] .fc-case-tools summary"));
			waitFor(this.staff).until((d) -> new Select(d.findElement(By.cssSelector("[data-test=handover-unit]"))).getOptions().size() >= 3);
			new Select(this.staff.findElement(By.cssSelector("[data-test=handover-unit]"))).selectByValue("adults-clinic");
			this.staff.findElement(By.cssSelector("[data-test=handover-summary]")).sendKeys(PAYLOADS.get(2));
			this.staff.findElement(By.cssSelector("[data-test=handover-excerpts]")).sendKeys(seqs(PAYLOADS.size()));
			click(this.staff, By.cssSelector("[data-test=handover-propose]"));
			Map<String, Object> proposal = visitor.stomp().awaitEvent("handover-proposed");
			visitor.stomp().send("/app/visitor/handover/confirm",
					json("proposalId", proposal.get("proposalId"), "contact", PAYLOADS.get(1)));
			String reference = (String) visitor.stomp().awaitEvent("handover-confirmed").get("reference");

			// The survey takes only its own answers.
			visitor.stomp().send("/app/visitor/end", json());
			visitor.stomp().awaitEvent("ended");
			int errors = visitor.stomp().errors().size();
			visitor.stomp().send("/app/visitor/survey", json("chatId", chatId, "answer", PAYLOADS.get(0)));
			assertThat(visitor.stomp().awaitError(errors + 1)).isIn("INVALID_PAYLOAD", "MALFORMED_PAYLOAD");
			assertThat(visitor.stomp().events("survey-recorded")).isEmpty();
			waitFor(this.staff).until(ExpectedConditions.attributeToBe(By.cssSelector("[data-test=chat]"), "data-ended", "true"));
			click(this.staff, By.cssSelector("[data-test=duty-toggle]"));
			waitFor(this.staff).until(ExpectedConditions.attributeToBe(By.id("fc-console"), "data-duty", "off"));
			assertTrapUntouched(this.staff);

			// The case workers' inbox, then the printable page.
			this.staff.manage().deleteAllCookies();
			ConsolePages.logIn(this.staff, url("/console/cases.html"), "cia");
			waitFor(this.staff).until(ExpectedConditions.elementToBeClickable(By.cssSelector(
					"[data-test=inbox-list] li[data-reference='" + reference + "'] [data-test=handover-open]"))).click();
			waitFor(this.staff).until((d) -> d.findElement(By.cssSelector("[data-test=opened]")).getText()
				.contains(shown.get(PAYLOADS.size() - 1)));
			String opened = text(this.staff, By.cssSelector("[data-test=opened]"));
			assertThat(opened).contains(shown);
			assertInert(this.staff, null, List.of(), "body");
			screenshot(this.staff, "hostile-text-cases");

			this.staff.get(url("/api/handovers/" + reference + "/print"));
			String printed = text(this.staff, By.tagName("body"));
			assertThat(printed).contains(shown);
			assertInert(this.staff, null, List.of(), "body");
			screenshot(this.staff, "hostile-text-print");
		}
	}

	/** The elements show exactly the expected texts, nothing in the container was made from them, no trap went off. */
	private static void assertInert(WebDriver driver, By texts, List<String> expected, String container) {
		if (texts != null) {
			// Read again if the view re-renders meanwhile (a message arriving replaces its list's elements).
			List<String> shown = new WebDriverWait(driver, Duration.ofSeconds(10))
				.ignoring(StaleElementReferenceException.class)
				.until((d) -> d.findElements(texts).stream().map((element) -> element.getDomProperty("textContent")).toList());
			assertThat(shown).containsAll(expected);
			assertThat(String.join("", shown)).doesNotContain("\u202E");
		}
		Object injected = ((JavascriptExecutor) driver).executeScript(INJECTED,
				driver.findElement(By.cssSelector(container)), !"body".equals(container));
		assertThat((List<?>) injected).as("elements made from text in %s", container).isEmpty();
		assertTrapUntouched(driver);
	}

	private static void assertTrapUntouched(WebDriver driver) {
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> driver.switchTo().alert());
		assertThat(((JavascriptExecutor) driver).executeScript("return window.__xss === undefined ? null : String(window.__xss)"))
			.as("a payload ran").isNull();
	}

	private static WebDriver trapped(WebDriver driver) {
		((ChromeDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", TRAP));
		return driver;
	}

	private static String text(WebDriver driver, By locator) {
		return driver.findElement(locator).getDomProperty("textContent");
	}

	/** "1 2 3 … n": the visitor's messages, the only ones in the chat. */
	private static String seqs(int count) {
		StringBuilder seqs = new StringBuilder();
		for (int i = 1; i <= count; i++) {
			seqs.append(i).append(' ');
		}
		return seqs.toString().strip();
	}

	private HttpResponse<String> postLetter(String text) throws Exception {
		String body = JsonMapper.builder().build().writeValueAsString(Map.of("queue", "relatives", "text", text));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.clients.url("/api/letterbox")))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void click(WebDriver driver, By locator) {
		waitFor(driver).until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
