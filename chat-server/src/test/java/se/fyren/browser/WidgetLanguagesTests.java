package se.fyren.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import se.fyren.testsupport.Browsers;
import se.fyren.testsupport.RunningFyren;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.Browsers.waitFor;

/**
 * Every interface language on a 360 px phone: translated, declared to screen
 * readers, right to left where it should be, and switchable from the chat.
 */
class WidgetLanguagesTests extends RunningFyren {

	WidgetPage page;

	@BeforeEach
	void openPhone() {
		this.page = new WidgetPage(Browsers.phone(360, 740));
	}

	@AfterEach
	void closePhone() {
		this.page.driver().quit();
	}

	@ParameterizedTest
	@CsvSource({ "en, en, Talk to someone", "sv-easy, sv, Prata med oss", "ro, ro, Vorbește cu cineva",
			"es, es, Habla con alguien", "th, th, คุยกับเรา" })
	void everyLanguageShowsThePreChatFormInItsOwnWords(String id, String tag, String title) {
		this.page.driver().get(this.clients.url("/widget/chat.html?lang=" + id));
		this.page.awaitReady();
		assertThat(this.page.driver().findElement(org.openqa.selenium.By.id("fyren-prechat-title")).getText())
			.isEqualTo(title);
		assertThat(this.page.script("return document.documentElement.lang")).isEqualTo(tag);
		assertThat(this.page.script("return document.documentElement.dir")).isEqualTo("ltr");
		this.page.check("lang-" + id + "-prechat");
	}

	@Test
	void theVisitorSwitchesToArabicAndThePageTurnsRightToLeft() {
		this.page.driver().get(this.clients.url("/widget/chat.html?lang=sv"));
		this.page.awaitReady();
		this.page.tabTo("ui-language");
		new Select(this.page.find("ui-language")).selectByValue("ar");
		waitFor(this.page.driver()).until(ExpectedConditions.attributeToBe(this.page.root(), "dir", "rtl"));
		assertThat(this.page.script("return document.documentElement.lang")).isEqualTo("ar");
		assertThat(this.page.find("start").getText()).isEqualTo("بدء الدردشة");
		// The groups come from the server's configuration, in the visitor's language.
		assertThat(new Select(this.page.find("queue-select")).getOptions()).extracting((option) -> option.getText())
			.contains("عمري أقل من 18 سنة");
		this.page.press(Keys.TAB);
		this.page.check("lang-switched-to-ar");
	}

}
