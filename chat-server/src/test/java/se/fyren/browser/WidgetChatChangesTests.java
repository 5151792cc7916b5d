package se.fyren.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;

import se.fyren.testsupport.Browsers;
import se.fyren.testsupport.MutableClock;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.Browsers.waitFor;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * What happens to a running chat without the visitor asking: the counsellor
 * hands it to a colleague or back to the queue (the visitor is told and keeps
 * the conversation), proposes a handover (the focus goes to the question),
 * and a silent visitor is warned before the chat closes.
 * Swedish on a 360 px phone, Arabic at 200 % zoom on it (180 CSS pixels);
 * keyboard only; each state screenshotted and scanned with axe-core.
 */
@Import(WidgetChatChangesTests.MovableClock.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class WidgetChatChangesTests extends RunningFyren {

	private static final Map<String, Map<String, String>> WORDS = Map.of("sv",
			Map.of("inactive", "Du har inte skrivit på en stund. Chatten stängs om cirka 2 min om du inte skriver något.",
					"closedForSilence", "Chatten stängdes eftersom ingen skrev på en stund.", "transferred",
					"Nu pratar du med Dragan. Era meddelanden finns kvar.", "requeued",
					"Din chatt är tillbaka i kön. Nästa lediga stödperson tar över. Era meddelanden finns kvar nedan.",
					"anna", "Du pratar med Anna.", "declined", "Ingenting delades. Du kan fortsätta chatta anonymt."),
			"ar",
			Map.of("inactive", "لم تكتب شيئًا منذ مدة. ستُغلق الدردشة بعد نحو 2 دقيقة إن لم تكتب شيئًا.",
					"closedForSilence", "أُغلقت الدردشة لأن أحدًا لم يكتب منذ مدة.", "transferred",
					"أنت الآن تتحدث مع Dragan. رسائلكما السابقة ما زالت هنا.", "requeued",
					"عادت دردشتك إلى قائمة الانتظار. سيتابع معك أول مرشد يتفرغ. رسائلكما السابقة ما زالت أدناه.",
					"anna", "أنت تتحدث مع Anna.", "declined",
					"لم يُشارك أي شيء. يمكنك متابعة المحادثة دون الكشف عن هويتك."));

	/** The server's clock, moved by the test instead of waiting ten minutes for silence. */
	@TestConfiguration(proxyBeanMethods = false)
	static class MovableClock {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(Instant.now());
		}

	}

	@Autowired
	MutableClock clock;

	WidgetPage page;

	StompParticipant anna;

	@AfterEach
	void close() {
		this.page.driver().quit();
		this.anna.close();
	}

	@ParameterizedTest(name = "{0} at {1} px")
	@CsvSource({ "sv, 360", "ar, 180" })
	void aSilentVisitorIsWarnedAndThenTheChatClosesForInactivity(String lang, int width) {
		Map<String, String> words = WORDS.get(lang);
		String chatId = chatWithAnna(lang, width);
		this.page.press("Hej", Keys.ENTER);
		awaitDelivered(1);

		// Ten silent minutes: a warning the screen reader says at once; the focus stays where the visitor writes.
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.page.awaitVisible("inactive").getText()).isEqualTo(words.get("inactive"));
		assertThat(this.page.find("inactive").getAttribute("role")).isEqualTo("alert");
		assertThat(this.page.focused().getAttribute("data-test")).isEqualTo("composer");
		this.page.check(name(lang, width, "10-inactive"));

		// Only the visitor's own writing counts: a word from the counsellor leaves the warning up.
		this.anna.send("/app/counsellor/message", json("chatId", chatId, "id", "a-1", "text", "Är du kvar?"));
		awaitMessages(2);
		assertThat(this.page.find("inactive").isDisplayed()).isTrue();

		// Writing answers the warning.
		this.page.press("Jag är kvar", Keys.ENTER);
		awaitDelivered(2);
		assertThat(this.page.find("inactive").isDisplayed()).isFalse();

		// Silent again: warned again, and two minutes later the chat closes, saying why.
		this.clock.advance(Duration.ofMinutes(10));
		this.page.awaitVisible("inactive");
		this.clock.advance(Duration.ofMinutes(2));
		this.page.awaitState("ended");
		this.anna.awaitEvent("ended", (e) -> chatId.equals(e.get("chatId")));
		assertThat(this.page.driver().findElement(By.cssSelector("[data-ended-by]")).getText())
			.isEqualTo(words.get("closedForSilence"));
		waitFor(this.page.driver()).until((d) -> "fyren-ended-title".equals(this.page.focused().getAttribute("id")));
		assertThat(this.page.messages()).hasSize(3);
		this.page.check(name(lang, width, "11-closed-for-silence"));
	}

	@ParameterizedTest(name = "{0} at {1} px")
	@CsvSource({ "sv, 360", "ar, 180" })
	void aChatHandedToAColleagueAndBackToTheQueueKeepsItsConversation(String lang, int width) {
		Map<String, String> words = WORDS.get(lang);
		String chatId = chatWithAnna(lang, width);
		this.page.press("Hej", Keys.ENTER);
		// Anna answers what she has read: her reply must not overtake the visitor's message on its way.
		this.anna.awaitEvent("message", (e) -> "Hej".equals(e.get("text")));
		this.anna.send("/app/counsellor/message", json("chatId", chatId, "id", "a-1", "text", "Hej, jag heter Anna."));
		awaitMessages(2);

		// To a colleague: the visitor is told who now answers, and writes on without losing the focus.
		try (StompParticipant dragan = this.clients.staff("dragan", "fyren-demo")) {
			dragan.send("/app/counsellor/duty", json("onDuty", true));
			dragan.awaitEvent("duty", (e) -> Boolean.TRUE.equals(e.get("onDuty")));
			this.anna.send("/app/counsellor/transfer", json("chatId", chatId, "toCounsellor", "dragan"));
			this.page.awaitText("counsellor", words.get("transferred"));
			assertThat(this.page.find("counsellor").getAttribute("role")).isEqualTo("status");
			assertThat(this.page.root().getAttribute("data-state")).isEqualTo("chatting");
			assertThat(this.page.focused().getAttribute("data-test")).isEqualTo("composer");
			dragan.send("/app/counsellor/message", json("chatId", chatId, "id", "d-1", "text", "Hej, Dragan här."));
			awaitMessages(3);
			// Where the counsellor changed, the new one's message carries their name.
			assertThat(this.page.messages()).extracting((li) -> li.findElements(By.cssSelector(".fyren-msg__author"))
				.stream()
				.map(WebElement::getText)
				.toList()).containsExactly(List.of(), List.of(), List.of("Dragan"));
			this.page.check(name(lang, width, "12-transferred"));

			// Back to the queue: the visitor waits again, is told why, and still sees the conversation.
			dragan.send("/app/counsellor/transfer", json("chatId", chatId, "toQueue", "sells-sex"));
			this.page.awaitState("queued");
			waitFor(this.page.driver()).until((d) -> "fyren-queued-title".equals(this.page.focused().getAttribute("id")));
			this.page.awaitText("position", "1");
			assertThat(this.page.awaitVisible("requeued").getText()).isEqualTo(words.get("requeued"));
			assertThat(this.page.find("messages").isDisplayed()).isTrue();
			assertThat(this.page.find("composer").isDisplayed()).isFalse();
			assertThat(texts()).containsExactly("Hej", "Hej, jag heter Anna.", "Hej, Dragan här.");
			this.page.check(name(lang, width, "13-back-in-queue"));
			dragan.send("/app/counsellor/duty", json("onDuty", false));
		}

		// Anna takes it again: the same conversation, every message once, and the visitor writes on.
		this.anna.send("/app/counsellor/take", json("queue", "sells-sex"));
		this.page.awaitState("chatting");
		this.page.awaitText("counsellor", words.get("anna"));
		waitFor(this.page.driver()).until((d) -> "composer".equals(this.page.focused().getAttribute("data-test")));
		assertThat(this.page.find("requeued").isDisplayed()).isFalse();
		this.page.press("Tack", Keys.ENTER);
		awaitDelivered(2);
		assertThat(texts()).containsExactly("Hej", "Hej, jag heter Anna.", "Hej, Dragan här.", "Tack");

		// A handover proposal: the focus goes to the question, and back to writing once it is answered.
		this.anna.send("/app/counsellor/handover/propose",
				json("chatId", chatId, "unit", "adults-clinic", "summary", "Vill ha en tid på mottagningen"));
		assertThat(this.page.awaitVisible("handover").getText()).contains("Vuxenmottagningen",
				"Vill ha en tid på mottagningen");
		waitFor(this.page.driver()).until((d) -> "fyren-handover-title".equals(this.page.focused().getAttribute("id")));
		this.page.check(name(lang, width, "14-handover-consent"));
		this.page.tabTo("handover-decline");
		this.page.press(Keys.ENTER);
		this.page.awaitText("handover-result", words.get("declined"));
		assertThat(this.page.find("handover").isDisplayed()).isFalse();
		assertThat(this.page.focused().getAttribute("data-test")).isEqualTo("composer");
		this.anna.awaitEvent("handover-declined");
		this.anna.send("/app/counsellor/end", json("chatId", chatId));
		this.page.awaitState("ended");
	}

	/** Opens the widget, joins with the keyboard alone, and has Anna take the chat. */
	private String chatWithAnna(String lang, int width) {
		this.page = new WidgetPage(Browsers.phone(width, 740));
		this.anna = this.clients.staff("anna", "fyren-demo");
		this.anna.send("/app/counsellor/duty", json("onDuty", true));
		this.anna.awaitEvent("duty", (e) -> Boolean.TRUE.equals(e.get("onDuty")));
		this.page.driver().get(this.clients.url("/widget/chat.html?lang=" + lang));
		this.page.awaitReady();
		assertThat(this.page.script("return document.documentElement.dir")).isEqualTo(lang.equals("ar") ? "rtl" : "ltr");
		this.page.tabTo("queue-select");
		this.page.press(Keys.ARROW_DOWN);
		assertThat(this.page.find("queue-select").getDomProperty("value")).isEqualTo("sells-sex");
		this.page.tabTo("start");
		this.page.press(Keys.ENTER);
		this.page.awaitState("queued");
		this.anna.send("/app/counsellor/take", json("queue", "sells-sex"));
		String chatId = (String) this.anna.awaitEvent("chat-assigned").get("chatId");
		this.page.awaitState("chatting");
		waitFor(this.page.driver()).until((d) -> "composer".equals(this.page.focused().getAttribute("data-test")));
		return chatId;
	}

	private void awaitDelivered(int own) {
		waitFor(this.page.driver()).until((d) -> d
			.findElements(By.cssSelector("[data-test=messages] li[data-from=VISITOR][data-status=delivered]"))
			.size() == own);
	}

	private void awaitMessages(int count) {
		waitFor(this.page.driver()).until((d) -> this.page.messages().size() == count);
	}

	private List<String> texts() {
		return this.page.messages()
			.stream()
			.map((li) -> li.findElement(By.cssSelector(".fyren-msg__text")))
			.map(WebElement::getText)
			.toList();
	}

	private static String name(String lang, int width, String state) {
		return lang + "-" + width + "-" + state;
	}

}
