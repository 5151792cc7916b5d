package se.fyren.testsupport;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static se.fyren.testsupport.Browsers.waitFor;

/**
 * Staff pages in a browser: signing in as a demo account (password
 * {@code fyren-demo}) and going on duty in the console.
 */
public final class ConsolePages {

	private ConsolePages() {
	}

	/**
	 * Opens a staff page, signs in on the form it sends the browser to, and
	 * waits until the browser is back on that page.
	 */
	public static void logIn(WebDriver driver, String pageUrl, String username) {
		driver.get(pageUrl);
		waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
		driver.findElement(By.name("username")).sendKeys(username);
		driver.findElement(By.name("password")).sendKeys("fyren-demo");
		driver.findElement(By.cssSelector("button[type=submit]")).click();
		// Spring Security may drop or add query parameters on the way back.
		String page = pageUrl.contains("?") ? pageUrl.substring(0, pageUrl.indexOf('?')) : pageUrl;
		waitFor(driver).until((d) -> d.getCurrentUrl().startsWith(page));
	}

	/**
	 * Signs in on the console at {@code consoleUrl}, goes on duty and waits
	 * for the first sync, so what arrives afterwards is news, not history.
	 */
	public static void logInAndGoOnDuty(WebDriver driver, String consoleUrl, String username) {
		logIn(driver, consoleUrl, username);
		WebElement console = waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("fc-console")));
		waitFor(driver).until(ExpectedConditions.attributeToBe(console, "data-connection", "connected"));
		// Another test in the same context may have left this counsellor on duty: switch only when off.
		waitFor(driver).until((d) -> console.getAttribute("data-duty") != null);
		if ("off".equals(console.getAttribute("data-duty"))) {
			waitFor(driver).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test=duty-toggle]")))
				.click();
		}
		waitFor(driver).until(ExpectedConditions.attributeToBe(console, "data-duty", "on"));
		waitFor(driver).until(ExpectedConditions.attributeToBe(console, "data-synced", "true"));
	}

}
