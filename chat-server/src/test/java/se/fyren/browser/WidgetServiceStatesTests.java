package se.fyren.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.fyren.testsupport.Browsers;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.Browsers.waitFor;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * The states that depend on the service rather than the chat: closed (opening
 * time, where to turn now), full, the letterbox from writing to reading the
 * answer, and a queue that says why it waits and for how long. The youth
 * queue is closed until tomorrow at nine; relatives takes one waiting chat.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class WidgetServiceStatesTests extends RunningFyren {

	private static final Map<String, Map<String, String>> WORDS = Map.of("sv",
			Map.of("closed", "Chatten är stängd just nu", "sent", "Ditt meddelande är skickat", "full",
					"Alla stödpersoner är upptagna", "unknownCode", "Vi hittar inte den koden", "noCounsellor",
					"Ingen stödperson är i tjänst just nu. Du behåller din plats i kön.", "wait", "Beräknad väntetid"),
			"ar",
			Map.of("closed", "الدردشة مغلقة الآن", "sent", "تم إرسال رسالتك", "full", "جميع المرشدين مشغولون",
					"unknownCode", "لا نجد هذا الرمز", "noCounsellor",
					"لا يوجد مرشد في الخدمة حاليًا. يبقى مكانك محفوظًا في قائمة الانتظار.", "wait",
					"مدة الانتظار المتوقعة"));

	WidgetPage page;

	@DynamicPropertySource
	static void queues(DynamicPropertyRegistry registry) {
		String[][] queues = { { "sells-sex", "EXPLOITED" }, { "buys-sex", "BUYERS" }, { "youth", "GENERAL" },
				{ "relatives", "GENERAL" } };
		for (int i = 0; i < queues.length; i++) {
			String q = "fyren.queue.definitions[" + i + "].";
			String id = queues[i][0];
			String side = queues[i][1];
			registry.add(q + "id", () -> id);
			registry.add(q + "side", () -> side);
			registry.add(q + "letterbox", () -> "true");
			registry.add(q + "labels.sv", () -> "Kö " + id);
			registry.add(q + "labels.en", () -> "Queue " + id);
		}
		String tomorrow = LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(1).getDayOfWeek().name();
		registry.add("fyren.queue.definitions[2].hours.weekly." + tomorrow + "[0]", () -> "09:00-16:00");
		registry.add("fyren.queue.definitions[3].max-waiting", () -> "1");
	}

	@BeforeEach
	void openPhone() {
		this.page = new WidgetPage(Browsers.phone(360, 740));
	}

	@AfterEach
	void closePhone() {
		this.page.driver().quit();
	}

	@ParameterizedTest
	@ValueSource(strings = { "sv", "ar" })
	void aClosedQueueShowsWhenItOpensWhereToTurnAndTheLetterboxWhoseAnswerIsReadWithTheCode(String lang) {
		this.page.driver().get(this.clients.url("/widget/chat.html?lang=" + lang));
		this.page.awaitReady();
		this.page.tabTo("queue-select");
		new Select(this.page.find("queue-select")).selectByValue("youth");
		this.page.tabTo("start");
		this.page.press(Keys.ENTER);

		this.page.awaitState("closed");
		assertThat(this.page.driver().findElement(By.id("fyren-closed-title")).getText())
			.isEqualTo(WORDS.get(lang).get("closed"));
		assertThat(this.page.focused().getAttribute("id")).isEqualTo("fyren-closed-title");
		assertThat(this.page.find("opens-at").getText()).contains("09:00");
		assertThat(this.page.find("alternatives").findElements(By.cssSelector("a[href='tel:112']"))).isNotEmpty();
		assertThat(this.page.find("alternatives").findElements(By.tagName("li"))).hasSizeGreaterThanOrEqualTo(2);
		this.page.check(lang + "-7-closed");

		this.page.tabTo("closed-open-letterbox");
		this.page.press(Keys.ENTER);
		this.page.awaitState("letterbox");
		assertThat(this.page.focused().getAttribute("id")).isEqualTo("fyren-letterbox-title");
		assertThat(new Select(this.page.find("letterbox-queue")).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("youth");
		this.page.tabTo("letterbox-text");
		this.page.press("Jag vet inte vem jag ska prata med.");
		this.page.tabTo("letterbox-send");
		this.page.press(Keys.ENTER);
		String code = this.page.awaitVisible("pickup-code").getText();
		assertThat(code).matches("[A-Za-z0-9-]{20,}");
		assertThat(this.page.focused().getAttribute("id")).isEqualTo("fyren-receipt-title");
		assertThat(this.page.find("letterbox-receipt").getText()).contains(WORDS.get(lang).get("sent"));
		this.page.check(lang + "-8-letterbox-sent");

		this.page.tabTo("pickup-read");
		this.page.press(Keys.ENTER);
		waitFor(this.page.driver()).until((d) -> !this.page.find("letterbox-answer").getText().isBlank());
		assertThat(this.page.find("letterbox-answer").getText()).doesNotContain("Vi finns");

		try (StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			anna.send("/app/counsellor/letterbox", Map.of());
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> letters = (List<Map<String, Object>>) anna
				.awaitEvent("letterbox", (e) -> !((List<?>) e.get("letters")).isEmpty())
				.get("letters");
			anna.send("/app/counsellor/letterbox-answer",
					json("id", letters.get(0).get("id"), "text", "Vi finns här för dig. Skriv igen när du vill."));
		}
		this.page.tabTo("pickup-read");
		this.page.press(Keys.ENTER);
		assertThat(this.page.awaitVisible("letterbox-answer-text").getText())
			.isEqualTo("Vi finns här för dig. Skriv igen när du vill.");
		this.page.check(lang + "-9-letterbox-answer");
	}

	@ParameterizedTest
	@ValueSource(strings = { "sv", "ar" })
	void aFullQueueSaysSoAndAWrongPickupCodeIsExplained(String lang) {
		Map<String, String> words = WORDS.get(lang);
		try (Visitor first = this.clients.visitor()) {
			first.stomp().send("/app/visitor/join", json("queue", "relatives"));
			first.stomp().awaitEvent("position");
			this.page.driver().get(this.clients.url("/widget/chat.html?lang=" + lang));
			this.page.awaitReady();
			new Select(this.page.find("queue-select")).selectByValue("relatives");
			this.page.find("start").click();

			this.page.awaitState("closed");
			assertThat(this.page.driver().findElement(By.id("fyren-closed-title")).getText())
				.isEqualTo(words.get("full"));
			this.page.check(lang + "-7b-full");

			this.page.find("closed-open-letterbox").click();
			this.page.awaitState("letterbox");
			this.page.find("pickup-input").sendKeys("NOT-A-REAL-CODE", Keys.ENTER);
			waitFor(this.page.driver())
				.until((d) -> this.page.find("letterbox-answer").getText().startsWith(words.get("unknownCode")));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "sv", "ar" })
	void aQueuedVisitorSeesWhyTheyWaitAndThenTheExpectedWait(String lang) {
		Map<String, String> words = WORDS.get(lang);
		this.page.driver().get(this.clients.url("/widget/chat.html?lang=" + lang));
		this.page.awaitReady();
		new Select(this.page.find("queue-select")).selectByValue("sells-sex");
		this.page.find("start").click();
		this.page.awaitState("queued");
		this.page.awaitText("waiting-reason", words.get("noCounsellor"));
		assertThat(this.page.find("wait").getText()).isEmpty();
		this.page.check(lang + "-2b-queued-no-counsellor");

		try (StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			anna.send("/app/counsellor/duty", json("onDuty", true));
			waitFor(this.page.driver()).until((d) -> this.page.find("waiting-reason").getText().isEmpty()
					&& !this.page.find("wait").getText().isEmpty());
			assertThat(this.page.find("wait").getText()).startsWith(words.get("wait"));
			this.page.check(lang + "-2c-queued-wait");
		}
	}

}
