package se.fyren.browser;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import se.fyren.survey.SurveyAnswer;
import se.fyren.survey.SurveyCount;
import se.fyren.survey.SurveyTally;
import se.fyren.testsupport.Browsers;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;
import se.fyren.testsupport.VisitorSockets;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.Browsers.waitFor;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * A visitor on a 360 px phone, with the keyboard alone, goes through every
 * state the running server can bring about, in Swedish and in Arabic, and
 * again at 200 % zoom on that phone (180 CSS pixels). Each state is
 * screenshotted under {@code target/screenshots/} and scanned with axe-core;
 * no state may scroll sideways.
 */
@Import(VisitorSockets.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class WidgetStatesTests extends RunningFyren {

	private static final Map<String, Map<String, String>> WORDS = Map.of(
			"sv", Map.of("delivered", "Levererat", "typing", "Stödpersonen skriver …", "thanks", "Tack för ditt svar."),
			"ar", Map.of("delivered", "تم التسليم", "typing", "المرشد يكتب …", "thanks", "شكرًا على إجابتك."));

	@Autowired
	VisitorSockets sockets;

	@Autowired
	SurveyTally tally;

	WidgetPage page;

	StompParticipant anna;

	@BeforeEach
	void openConsole() {
		this.anna = this.clients.staff("anna", "fyren-demo");
		this.anna.send("/app/counsellor/duty", json("onDuty", true));
		this.anna.awaitEvent("duty", (e) -> Boolean.TRUE.equals(e.get("onDuty")));
	}

	@AfterEach
	void close() {
		this.page.driver().quit();
		this.anna.close();
	}

	@ParameterizedTest(name = "{0} at {1} px")
	@CsvSource({ "sv, 360", "ar, 360", "sv, 180", "ar, 180" })
	void everyStateWorksWithTheKeyboardAloneOnASmallPhone(String lang, int width) {
		Map<String, String> words = WORDS.get(lang);
		// The first screenshots keep their names; at 200 % zoom they say so.
		String shot = width == 360 ? lang : lang + "-" + width;
		this.page = new WidgetPage(Browsers.phone(width, 740));
		this.page.driver().get(this.clients.url("/widget/chat.html?lang=" + lang));
		this.page.awaitReady();
		String dir = lang.equals("ar") ? "rtl" : "ltr";
		assertThat(this.page.script("return document.documentElement.dir")).isEqualTo(dir);
		assertThat(this.page.script("return document.documentElement.lang")).isEqualTo(lang);
		this.page.check(shot + "-1-prechat");

		// Pre-chat: pick the group with the arrow keys, say "in danger", start with Enter.
		this.page.tabTo("queue-select");
		this.page.press(Keys.ARROW_DOWN);
		assertThat(this.page.find("queue-select").getDomProperty("value")).isEqualTo("sells-sex");
		this.page.tabTo("danger");
		this.page.press(Keys.SPACE);
		assertThat(this.page.find("danger").isSelected()).isTrue();
		this.page.tabTo("start");
		this.page.press(Keys.ENTER);

		// Queued: the position shows, and the focus moved to the new step's heading.
		this.page.awaitState("queued");
		this.page.awaitText("position", "1");
		assertThat(this.page.focused().getAttribute("id")).isEqualTo("fyren-queued-title");
		this.page.check(shot + "-2-queued");

		// Chatting: the counsellor takes the chat; the focus lands in the composer.
		this.anna.send("/app/counsellor/take", json("queue", "sells-sex"));
		String chatId = (String) this.anna.awaitEvent("chat-assigned").get("chatId");
		this.page.awaitState("chatting");
		waitFor(this.page.driver()).until((d) -> "composer".equals(this.page.focused().getAttribute("data-test")));
		this.page.press("Hej, jag behöver prata", Keys.ENTER);
		WebElement own = waitFor(this.page.driver()).until((d) -> d
			.findElement(By.cssSelector("[data-test=messages] li[data-from=VISITOR][data-status=delivered]")));
		assertThat(own.findElement(By.cssSelector(".fyren-msg__status")).getText()).isEqualTo(words.get("delivered"));
		assertThat(own.findElement(By.tagName("time")).getAttribute("datetime")).isNotBlank();
		this.anna.send("/app/counsellor/message", json("chatId", chatId, "id", "c-1", "text", "Hej! Jag finns här."));
		WebElement theirs = waitFor(this.page.driver())
			.until((d) -> d.findElement(By.cssSelector("[data-test=messages] li[data-from=COUNSELLOR]")));
		assertThat(theirs.getText()).contains("Hej! Jag finns här.");
		assertThat(this.page.find("messages").getAttribute("aria-live")).isEqualTo("polite");
		this.anna.send("/app/counsellor/typing", json("chatId", chatId, "typing", true));
		this.page.awaitText("typing", words.get("typing"));
		if (lang.equals("ar")) {
			// Right to left: own words on the left, the counsellor's on the right, Leave quickly at the start (right).
			assertThat(own.getRect().getX()).isLessThan(theirs.getRect().getX());
			WebElement exit = this.page.find("quick-exit");
			assertThat(exit.getRect().getX() + exit.getRect().getWidth()).isGreaterThan(width * 5 / 6);
		}
		this.page.check(shot + "-3-chatting");

		// Reconnecting: the server drops the socket and refuses for a while; the banner says so.
		this.sockets.drop(true);
		this.page.awaitState("reconnecting");
		this.page.awaitVisible("reconnecting");
		assertThat(this.page.find("typing").getText()).isEmpty();
		this.page.check(shot + "-4-reconnecting");
		this.sockets.accept();
		this.page.awaitState("chatting");
		// The panel never changed, so neither did the focus: the visitor writes on.
		assertThat(this.page.focused().getAttribute("data-test")).isEqualTo("composer");

		// Ended: the counsellor ends; the survey is answered with the keyboard, once.
		this.anna.send("/app/counsellor/end", json("chatId", chatId));
		this.page.awaitState("ended");
		waitFor(this.page.driver()).until((d) -> "fyren-ended-title".equals(this.page.focused().getAttribute("id")));
		assertThat(this.page.find("counsellor").isDisplayed()).as("no 'you are talking to' once it is over").isFalse();
		this.page.check(shot + "-5-ended");
		this.page.tabTo("survey-yes");
		this.page.press(Keys.SPACE);
		this.page.tabTo("survey-send");
		this.page.press(Keys.ENTER);
		this.page.awaitText("survey-thanks", words.get("thanks"));
		assertThat(this.page.find("survey").isDisplayed()).isFalse();
		assertThat(this.tally.counts()).extracting(SurveyCount::queue, SurveyCount::answer, SurveyCount::count)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("sells-sex", SurveyAnswer.YES, 1L));
		this.page.check(shot + "-6-survey-answered");

		// And again: a new chat starts from a clean pre-chat form.
		this.page.tabTo("restart");
		this.page.press(Keys.ENTER);
		this.page.awaitState("prechat");
		assertThat(this.page.messages()).isEmpty();
		assertThat(this.page.find("danger").isSelected()).isFalse();
	}

}
