package se.fyren.routing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * Opening hours and admission limits: nobody joins a closed queue, a full
 * queue admits only a visitor in danger, and both are told where to turn.
 * The clock starts on a Monday at 10:00 in Stockholm.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"fyren.routing.sweep-interval=1h", "fyren.retention.purge-interval=1h",
		"fyren.queue.definitions[0].id=sells-sex", "fyren.queue.definitions[0].side=EXPLOITED",
		"fyren.queue.definitions[0].max-expected-wait=30m",
		"fyren.queue.definitions[1].id=buys-sex", "fyren.queue.definitions[1].side=BUYERS",
		"fyren.queue.definitions[1].hours.weekly.TUESDAY[0]=09:00-16:00",
		"fyren.queue.definitions[1].letterbox=true",
		"fyren.queue.definitions[2].id=youth", "fyren.queue.definitions[2].side=GENERAL",
		"fyren.queue.definitions[2].hours.weekly.MONDAY[0]=08:00-12:00",
		"fyren.queue.definitions[2].hours.exceptions[0].date=2026-03-09",
		"fyren.queue.definitions[3].id=relatives", "fyren.queue.definitions[3].side=GENERAL",
		"fyren.queue.definitions[3].max-waiting=1" })
class AdmissionTests extends RoutingScenario {

	@Test
	void aClosedQueueRefusesEveryoneAndSaysWhenItOpens() throws Exception {
		String catalog = get("/api/queues");
		assertThat(catalog).contains("{\"id\":\"buys-sex\",\"labels\":null,\"open\":false,\"opensAt\":\"2026-03-03T08:00:00Z\",\"letterbox\":true}")
			.contains("{\"id\":\"youth\",\"labels\":null,\"open\":true,\"opensAt\":null,\"letterbox\":false}")
			.contains("\"alternatives\":[{\"id\":\"emergency\"")
			.contains("\"phone\":\"112\"");
		try (Visitor visitor = this.clients.visitor()) {
			visitor.stomp().send("/app/visitor/join", json("queue", "buys-sex"));
			assertThat(visitor.stomp().awaitError(1)).isEqualTo("QUEUE_CLOSED");
			visitor.stomp().send("/app/visitor/join", json("queue", "buys-sex", "danger", true));
			assertThat(visitor.stomp().awaitError(2)).isEqualTo("QUEUE_CLOSED");
			visitor.stomp().send("/app/visitor/join", json("queue", "youth"));
			visitor.stomp().awaitEvent("position");
		}
		// Two hours later the youth line has closed until the Monday after next (next Monday is a holiday).
		this.clock.advance(Duration.ofHours(2));
		assertThat(get("/api/queues")).contains("{\"id\":\"youth\",\"labels\":null,\"open\":false,\"opensAt\":\"2026-03-16T07:00:00Z\"");
		try (Visitor late = this.clients.visitor()) {
			late.stomp().send("/app/visitor/join", json("queue", "youth"));
			assertThat(late.stomp().awaitError(1)).isEqualTo("QUEUE_CLOSED");
		}
	}

	@Test
	void aFullQueueRefusesWithQueueFullButAdmitsAVisitorInDanger() {
		try (Visitor first = joined("relatives"); Visitor second = this.clients.visitor()) {
			second.stomp().send("/app/visitor/join", json("queue", "relatives"));
			assertThat(second.stomp().awaitError(1)).isEqualTo("QUEUE_FULL");
			second.stomp().send("/app/visitor/join", json("queue", "relatives", "danger", true));
			assertThat(second.stomp().awaitEvent("position")).containsEntry("position", 1);
		}
	}

	@Test
	void aQueueWhoseExpectedWaitIsTooLongRefusesNewcomers() {
		try (StompParticipant anna = onDuty("anna"); Visitor first = joined("sells-sex"); Visitor second = joined("sells-sex");
				Visitor third = joined("sells-sex"); Visitor fourth = joined("sells-sex")) {
			// Anna holds two; with 20 minutes a chat, the fourth waits 20 minutes and a fifth would wait 30.
			assertThat(lastPosition(fourth)).containsEntry("estimatedWaitSeconds", 1200);
			try (Visitor fifth = joined("sells-sex"); Visitor sixth = this.clients.visitor()) {
				assertThat(lastPosition(fifth)).containsEntry("estimatedWaitSeconds", 1800);
				sixth.stomp().send("/app/visitor/join", json("queue", "sells-sex"));
				assertThat(sixth.stomp().awaitError(1)).isEqualTo("QUEUE_FULL");
			}
		}
	}

	private String get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.clients.url(path))).build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

}
