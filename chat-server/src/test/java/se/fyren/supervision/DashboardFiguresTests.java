package se.fyren.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.MutableClock;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * The dashboard's figures against a scripted evening whose waits are known,
 * with time moved by a {@link MutableClock}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fyren.supervision.refresh-interval=200ms", "fyren.supervision.default-target=2m",
				// The scenario's clock jumps hours ahead with chats open: keep them open.
				"fyren.routing.visitor-silence-warning=1d",
				"fyren.supervision.zone=Europe/Stockholm" })
class DashboardFiguresTests extends RunningFyren {

	// 23:40 in Stockholm: the first chat belongs to "yesterday".
	static final Instant START = Instant.parse("2026-03-01T22:40:00Z");

	@Autowired
	MutableClock clock;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	@Autowired
	StatisticsRecorder recorder;

	@Autowired
	QueueStatistics statistics;

	final List<AutoCloseable> open = new ArrayList<>();

	@AfterEach
	void closeClients() throws Exception {
		for (AutoCloseable client : this.open) {
			client.close();
		}
		endChatsOf("anna");
	}

	@Test
	void figuresMatchAScriptedScenario() {
		StompParticipant anna = track(this.clients.staff("anna", "fyren-demo"));
		anna.send("/app/counsellor/duty", json("onDuty", true));
		anna.awaitEvent("duty", (e) -> Boolean.TRUE.equals(e.get("onDuty")));

		// Yesterday: a 10-minute wait that must not count today; that chat is still open.
		answerAfter(anna, Duration.ofMinutes(10));
		this.clock.advance(Duration.ofHours(8)); // 08:00 local the next day

		// Anna holds two chats at most: she ends the first two of today's once started.
		end(anna, answerAfter(anna, Duration.ofSeconds(30)));
		end(anna, answerAfter(anna, Duration.ofSeconds(90)));
		answerAfter(anna, Duration.ofSeconds(180));
		Visitor leaving = join();
		this.clock.advance(Duration.ofSeconds(60));
		leaving.stomp().send("/app/visitor/leave", Map.of());
		leaving.stomp().awaitEvent("left");
		join();
		this.clock.advance(Duration.ofSeconds(150));

		StompParticipant sara = track(this.clients.staff("sara", "fyren-demo"));
		sara.send("/app/supervisor/watch", Map.of());
		Map<String, Object> figures = awaitQueue(sara, "sells-sex", (q) -> num(q, "longestWaitSeconds") == 150);

		assertThat(num(figures, "targetSeconds")).isEqualTo(120);
		assertThat(num(figures, "waiting")).isEqualTo(1);
		assertThat(figures.get("breach")).isEqualTo(true);
		assertThat(num(figures, "arrivalsToday")).isEqualTo(5);
		assertThat(num(figures, "answeredToday")).isEqualTo(3);
		assertThat(num(figures, "medianWaitSeconds")).isEqualTo(90);
		assertThat(num(figures, "p90WaitSeconds")).isEqualTo(162);
		assertThat(((Number) figures.get("answeredWithinTarget")).doubleValue()).isCloseTo(2.0 / 3,
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat(num(figures, "abandonedToday")).isEqualTo(1);
		assertThat(num(figures, "onDuty")).isEqualTo(1);
		assertThat(num(figures, "busy")).isEqualTo(1);
		// Yesterday's chat and the last one of today are under way.
		assertThat(num(figures, "activeChats")).isEqualTo(2);

		Map<String, Object> youth = awaitQueue(sara, "youth", (q) -> true);
		assertThat(num(youth, "targetSeconds")).isEqualTo(60);
		assertThat(num(youth, "waiting")).isZero();
		assertThat(youth.get("medianWaitSeconds")).isNull();
		assertThat(youth.get("answeredWithinTarget")).isNull();
		assertThat(youth.get("breach")).isEqualTo(false);
		Map<String, Object> buyers = awaitQueue(sara, "buys-sex", (q) -> true);
		assertThat(num(buyers, "onDuty")).isZero();

		// The same figures as metrics.
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(gauge("fyren.queue.wait.today.median", "sells-sex")).isEqualTo(90);
		assertThat(gauge("fyren.queue.wait.today.p90", "sells-sex")).isEqualTo(162);
		assertThat(gauge("fyren.queue.answered.within.target.today", "sells-sex")).isCloseTo(2.0 / 3,
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat(gauge("fyren.queue.abandoned.today", "sells-sex")).isEqualTo(1);
		assertThat(gauge("fyren.queue.breach", "sells-sex")).isEqualTo(1);
		assertThat(gauge("fyren.queue.breach", "youth")).isZero();
		assertThat(gauge("fyren.queue.wait.today.median", "youth")).isNaN();

		assertThat(gauge("fyren.queue.waiting", "sells-sex")).isEqualTo(1);
		assertThat(gauge("fyren.queue.waiting.urgent", "sells-sex")).isZero();
		assertThat(gauge("fyren.queue.longest.wait", "sells-sex")).isEqualTo(152);
		assertThat(gauge("fyren.queue.chats.active", "sells-sex")).isEqualTo(2);
		assertThat(gauge("fyren.queue.counsellors.on.duty", "sells-sex")).isEqualTo(1);
		assertThat(gauge("fyren.queue.counsellors.busy", "sells-sex")).isEqualTo(1);
		assertThat(gauge("fyren.queue.counsellors.paused", "sells-sex")).isZero();

		// Anna pauses and someone in danger joins: both show at once, and she still counts as on duty.
		anna.send("/app/counsellor/pause", json("paused", true));
		anna.awaitEvent("pause");
		Visitor endangered = track(this.clients.visitor());
		endangered.stomp().send("/app/visitor/join", json("queue", "sells-sex", "danger", true));
		endangered.stomp().awaitEvent("position");
		Map<String, Object> paused = awaitQueue(sara, "sells-sex", (q) -> num(q, "paused") == 1 && num(q, "waiting") == 2);
		assertThat(num(paused, "urgentWaiting")).isEqualTo(1);
		assertThat(num(paused, "onDuty")).isEqualTo(1);
		assertThat(num(paused, "busy")).isEqualTo(1);
		assertThat(num(paused, "longestWaitSeconds")).isEqualTo(152);
		assertThat(num(awaitQueue(sara, "relatives", (q) -> num(q, "paused") == 1), "urgentWaiting")).isZero();
		assertThat(num(awaitQueue(sara, "buys-sex", (q) -> true), "paused")).isZero();
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(gauge("fyren.queue.waiting.urgent", "sells-sex")).isEqualTo(1);
		assertThat(gauge("fyren.queue.counsellors.paused", "sells-sex")).isEqualTo(1);
		assertThat(gauge("fyren.queue.counsellors.paused", "buys-sex")).isZero();
		assertThat(this.meters.get("fyren.counsellors.paused").gauge().value()).isEqualTo(1);
		anna.send("/app/counsellor/pause", json("paused", false));
		awaitQueue(sara, "sells-sex", (q) -> num(q, "paused") == 0);

		// The history's staffing: the hour keeps how many counsellors of the queue were on duty.
		this.recorder.sampleStaffing();
		Instant now = this.clock.instant();
		assertThat(this.statistics.hours("sells-sex", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))))
			.last()
			.satisfies((hour) -> {
				assertThat(hour.maxOnDuty()).isEqualTo(1);
				assertThat(hour.answeredWaits()).hasSize(3);
			});
		assertThat(this.statistics.hours("buys-sex", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))))
			.allSatisfy((hour) -> assertThat(hour.maxOnDuty()).isZero());
	}

	@Test
	void breachEndsWhenTheLongWaitingVisitorIsTaken() {
		StompParticipant anna = track(this.clients.staff("anna", "fyren-demo"));
		anna.send("/app/counsellor/duty", json("onDuty", true));
		anna.awaitEvent("duty", (e) -> Boolean.TRUE.equals(e.get("onDuty")));
		StompParticipant sara = track(this.clients.staff("sara", "fyren-demo"));
		sara.send("/app/supervisor/watch", Map.of());
		join("youth");
		this.clock.advance(Duration.ofSeconds(61));
		awaitQueue(sara, "youth", (q) -> Boolean.TRUE.equals(q.get("breach")));

		anna.send("/app/counsellor/take", json("queue", "youth"));
		awaitQueue(sara, "youth", (q) -> Boolean.FALSE.equals(q.get("breach")) && num(q, "waiting") == 0);
	}

	private String answerAfter(StompParticipant anna, Duration wait) {
		Visitor visitor = join();
		this.clock.advance(wait);
		anna.send("/app/counsellor/take", json("queue", "sells-sex"));
		return (String) visitor.stomp().awaitEvent("chat-started").get("chatId");
	}

	private static void end(StompParticipant anna, String chatId) {
		anna.send("/app/counsellor/end", json("chatId", chatId));
		anna.awaitEvent("ended", (e) -> chatId.equals(e.get("chatId")));
	}

	private Visitor join() {
		return join("sells-sex");
	}

	private Visitor join(String queue) {
		Visitor visitor = track(this.clients.visitor());
		visitor.stomp().send("/app/visitor/join", json("queue", queue));
		visitor.stomp().awaitEvent("position");
		return visitor;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> awaitQueue(StompParticipant sara, String queue,
			java.util.function.Predicate<Map<String, Object>> matching) {
		Map<String, Object> dashboard = sara.awaitEvent("dashboard",
				(e) -> ((List<Map<String, Object>>) e.get("queues")).stream()
					.anyMatch((q) -> queue.equals(q.get("queue")) && matching.test(q)));
		return ((List<Map<String, Object>>) dashboard.get("queues")).stream()
			.filter((q) -> queue.equals(q.get("queue")) && matching.test(q))
			.findFirst()
			.orElseThrow();
	}

	private double gauge(String name, String queue) {
		return this.meters.get(name).tag("queue", queue).gauge().value();
	}

	private static long num(Map<String, Object> figures, String key) {
		return ((Number) figures.get(key)).longValue();
	}

	private <T extends AutoCloseable> T track(T client) {
		this.open.add(client);
		return client;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(START);
		}

	}

}
