package se.fyren.browser;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import se.fyren.testsupport.Browsers;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;
import se.fyren.testsupport.VisitorSockets;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.Browsers.waitFor;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * The server drops the visitor's socket mid-chat, and the visitor reloads the
 * page: the widget comes back by itself and shows every message exactly once.
 */
@Import(VisitorSockets.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class WidgetReconnectionTests extends RunningFyren {

	@Autowired
	VisitorSockets sockets;

	WidgetPage page;

	StompParticipant anna;

	@BeforeEach
	void open() {
		this.page = new WidgetPage(Browsers.phone(360, 740));
		this.anna = this.clients.staff("anna", "fyren-demo");
		this.anna.send("/app/counsellor/duty", json("onDuty", true));
	}

	@AfterEach
	void close() {
		this.page.driver().quit();
		this.anna.close();
	}

	@Test
	void reconnectsAfterTheServerDropsTheSocketAndShowsEveryMessageOnce() {
		this.page.driver().get(this.clients.url("/widget/chat.html?lang=sv"));
		this.page.awaitReady();
		new Select(this.page.find("queue-select")).selectByValue("youth");
		this.page.find("start").click();
		this.page.awaitState("queued");
		this.anna.send("/app/counsellor/take", json("queue", "youth"));
		String chatId = (String) this.anna.awaitEvent("chat-assigned").get("chatId");
		this.page.awaitState("chatting");
		this.page.find("composer").sendKeys("one", Keys.ENTER);
		this.anna.send("/app/counsellor/message", json("chatId", chatId, "id", "c-1", "text", "two"));
		waitFor(this.page.driver()).until((d) -> delivered() == 2);

		// Dropped, and refused for a while: the visitor keeps writing, the counsellor too.
		this.sockets.drop(true);
		this.page.awaitState("reconnecting");
		this.page.find("composer").sendKeys("three", Keys.ENTER);
		this.anna.send("/app/counsellor/message", json("chatId", chatId, "id", "c-2", "text", "four"));
		assertThat(this.page.messages()).hasSize(3);
		this.sockets.accept();

		this.page.awaitState("chatting");
		waitFor(this.page.driver()).until((d) -> delivered() == 4);
		this.anna.awaitEvent("message", (e) -> "three".equals(e.get("text")));
		assertThat(texts()).containsExactlyElementsOf(inServerOrder()).containsExactlyInAnyOrder("one", "two", "three", "four");

		// A reload in the middle of it all resumes the same chat, once more without duplicates.
		this.page.driver().navigate().refresh();
		this.page.awaitState("chatting");
		waitFor(this.page.driver()).until((d) -> delivered() == 4);
		assertThat(texts()).containsExactlyElementsOf(inServerOrder());
		assertThat(this.anna.events("message").stream().filter((e) -> "three".equals(e.get("text")))).hasSize(1);
	}

	// The counsellor's view is the server's order: by seq, each message once.
	private List<String> inServerOrder() {
		return this.anna.events("message")
			.stream()
			.sorted(java.util.Comparator.comparing((e) -> ((Number) e.get("seq")).longValue()))
			.map((e) -> (String) e.get("text"))
			.distinct()
			.toList();
	}

	private long delivered() {
		return this.page.messages().stream().filter((li) -> "delivered".equals(li.getAttribute("data-status"))).count();
	}

	private List<String> texts() {
		return this.page.messages()
			.stream()
			.map((WebElement li) -> li.findElement(org.openqa.selenium.By.cssSelector(".fyren-msg__text")).getText())
			.toList();
	}

}
