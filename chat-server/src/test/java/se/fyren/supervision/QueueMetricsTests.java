package se.fyren.supervision;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import tools.jackson.databind.json.JsonMapper;

import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * The queue figures operators scrape, on the management port only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class QueueMetricsTests extends RunningFyren {

	/** Metrics the alerts and dashboard already use, for features still to come. */
	private static final Set<String> NOT_YET_EXPORTED = Set.of();

	@LocalManagementPort
	int managementPort;

	@Test
	void prometheusSeesWaitingVisitorsActiveChatsAndCounsellorsOnDuty() {
		try (Visitor waiting = this.clients.visitor(); Visitor chatting = this.clients.visitor();
				StompParticipant bo = this.clients.staff("bo", "fyren-demo")) {
			waiting.stomp().send("/app/visitor/join", json("queue", "buys-sex"));
			waiting.stomp().awaitEvent("position");
			await().untilAsserted(() -> {
				String metrics = scrape();
				assertThat(value(metrics, "fyren_queue_waiting", "buys-sex")).isEqualTo(1);
				assertThat(value(metrics, "fyren_queue_waiting", "youth")).isZero();
				assertThat(value(metrics, "fyren_queue_longest_wait_seconds", "buys-sex")).isGreaterThan(0);
			});

			bo.send("/app/counsellor/duty", json("onDuty", true));
			bo.awaitEvent("duty", (e) -> Boolean.TRUE.equals(e.get("onDuty")));
			bo.send("/app/counsellor/take", json("queue", "buys-sex"));
			waiting.stomp().awaitEvent("chat-started");
			await().untilAsserted(() -> {
				String metrics = scrape();
				assertThat(value(metrics, "fyren_queue_waiting", "buys-sex")).isZero();
				assertThat(value(metrics, "fyren_queue_longest_wait_seconds", "buys-sex")).isZero();
				assertThat(value(metrics, "fyren_queue_chats_active", "buys-sex")).isEqualTo(1);
				assertThat(value(metrics, "fyren_queue_counsellors_on_duty", "buys-sex")).isEqualTo(1);
				assertThat(value(metrics, "fyren_queue_counsellors_on_duty", "youth")).isZero();
				assertThat(metrics).containsPattern("(?m)^fyren_counsellors_on_duty\\{[^}]*} 1\\.0$");
			});
		}
	}

	@Test
	void prometheusSeesPausedCounsellorsPerQueueAndInTheWholeService() {
		try (StompParticipant elin = this.clients.staff("elin", "fyren-demo")) {
			elin.send("/app/counsellor/duty", json("onDuty", true));
			elin.awaitEvent("duty", (e) -> Boolean.TRUE.equals(e.get("onDuty")));
			elin.send("/app/counsellor/pause", json("paused", true));
			elin.awaitEvent("pause", (e) -> Boolean.TRUE.equals(e.get("paused")));
			await().untilAsserted(() -> {
				String metrics = scrape();
				assertThat(value(metrics, "fyren_queue_counsellors_paused", "buys-sex")).isEqualTo(1);
				assertThat(value(metrics, "fyren_queue_counsellors_paused", "youth")).isZero();
				assertThat(value(metrics, "fyren_counsellors_paused")).isGreaterThanOrEqualTo(1);
				assertThat(value(metrics, "fyren_queue_waiting_urgent", "buys-sex")).isZero();
			});

			elin.send("/app/counsellor/duty", json("onDuty", false));
			elin.awaitEvent("duty", (e) -> Boolean.FALSE.equals(e.get("onDuty")));
			await().untilAsserted(
					() -> assertThat(value(scrape(), "fyren_queue_counsellors_paused", "buys-sex")).isZero());
		}
	}

	@Test
	void prometheusSeesTheNodesOpenFilesAndItsLimit() {
		// One WebSocket is one file descriptor: FyrenNodeNearFileLimit divides these.
		String metrics = scrape();
		double open = value(metrics, "process_files_open_files");
		assertThat(open).isPositive();
		assertThat(value(metrics, "process_files_max_files")).isGreaterThan(open);
	}

	@Test
	void everyQueueReportsItsWaitTarget() {
		String metrics = scrape();
		assertThat(value(metrics, "fyren_queue_wait_target_seconds", "youth")).isEqualTo(60);
		assertThat(value(metrics, "fyren_queue_wait_target_seconds", "relatives")).isEqualTo(120);
	}

	@Test
	void metricsAreNotServedOnThePublicPortButProbesAre() throws Exception {
		assertThat(get(this.port, "/actuator/prometheus").statusCode()).isNotEqualTo(200);
		assertThat(get(this.port, "/livez").statusCode()).isEqualTo(200);
		assertThat(get(this.port, "/readyz").statusCode()).isEqualTo(200);
		assertThat(get(this.managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	@Test
	void dashboardAndAlertsUseOnlyMetricsTheServerExports() throws Exception {
		Path ops = Path.of("..", "ops");
		String dashboard = Files.readString(ops.resolve("grafana/dashboards/fyren-supervision.json"));
		JsonMapper.builder().build().readTree(dashboard);
		String alerts = Files.readString(ops.resolve("prometheus/alerts.yml"));
		Set<String> used = new TreeSet<>();
		Matcher names = Pattern.compile("\\b(?:fyren|process|jvm)_[a-z0-9_]+").matcher(dashboard + alerts);
		while (names.find()) {
			used.add(names.group());
		}
		used.removeAll(NOT_YET_EXPORTED);
		String metrics = scrape();
		assertThat(used).isNotEmpty()
			.allSatisfy((name) -> assertThat(metrics).as(name).containsPattern("(?m)^" + name + "[{ ]"));
	}

	private String scrape() {
		try {
			HttpResponse<String> response = get(this.managementPort, "/actuator/prometheus");
			assertThat(response.statusCode()).isEqualTo(200);
			return response.body();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpResponse<String> get(int port, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	private static double value(String metrics, String name) {
		Matcher line = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
		assertThat(line.find()).as("%s in%n%s", name, metrics).isTrue();
		return Double.parseDouble(line.group(1));
	}

	private static double value(String metrics, String name, String queue) {
		Matcher line = Pattern
			.compile("(?m)^" + name + "\\{[^}]*queue=\"" + Pattern.quote(queue) + "\"[^}]*} (\\S+)$")
			.matcher(metrics);
		assertThat(line.find()).as("%s for %s in%n%s", name, queue, metrics).isTrue();
		return Double.parseDouble(line.group(1));
	}

}
