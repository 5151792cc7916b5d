package se.fyren.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import se.fyren.testsupport.Accessibility;
import se.fyren.testsupport.Browsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static se.fyren.testsupport.Browsers.waitFor;

/**
 * The visitor's chat as a person sees and uses it: found by what it shows and
 * its {@code data-test} hooks, driven with the keyboard where a person could.
 */
final class WidgetPage {

	private final WebDriver driver;

	WidgetPage(WebDriver driver) {
		this.driver = driver;
	}

	WebDriver driver() {
		return this.driver;
	}

	static By test(String name) {
		return By.cssSelector("[data-test=" + name + "]");
	}

	WebElement root() {
		return this.driver.findElement(By.id("fyren-chat"));
	}

	void awaitState(String state) {
		waitFor(this.driver).until(ExpectedConditions.attributeToBe(By.id("fyren-chat"), "data-state", state));
	}

	void awaitReady() {
		waitFor(this.driver).until((d) -> root().isDisplayed()
				&& d.findElements(By.cssSelector("[data-test=queue-select] option")).size() >= 5);
	}

	WebElement find(String name) {
		return this.driver.findElement(test(name));
	}

	WebElement awaitVisible(String name) {
		return waitFor(this.driver).until(ExpectedConditions.visibilityOfElementLocated(test(name)));
	}

	void awaitText(String name, String text) {
		waitFor(this.driver).until(ExpectedConditions.textToBe(test(name), text));
	}

	WebElement focused() {
		return this.driver.switchTo().activeElement();
	}

	/** Presses Tab until the element has focus, as a keyboard user would; fails if it is never reached. */
	void tabTo(String name) {
		WebElement target = find(name);
		for (int i = 0; i < 40; i++) {
			if (focused().equals(target)) {
				return;
			}
			new Actions(this.driver).sendKeys(Keys.TAB).perform();
		}
		fail("Tab never reaches [data-test=" + name + "]");
	}

	void press(CharSequence... keys) {
		new Actions(this.driver).sendKeys(keys).perform();
	}

	List<WebElement> messages() {
		return this.driver.findElements(By.cssSelector("[data-test=messages] li[data-message-id]"));
	}

	Object script(String js, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(js, args);
	}

	/** Screenshot for review, an axe scan, and no sideways scrolling on the small screen. */
	void check(String name) {
		Browsers.screenshot(this.driver, name);
		Accessibility.assertNoSeriousViolations(this.driver, name);
		Object overflow = script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(((Number) overflow).intValue()).as("sideways scrolling in %s", name).isLessThanOrEqualTo(0);
	}

}
