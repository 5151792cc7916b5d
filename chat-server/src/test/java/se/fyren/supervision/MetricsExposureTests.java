package se.fyren.supervision;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import se.fyren.testsupport.RunningFyren;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a separate management port, as Fyren starts by default, nobody
 * gets the metrics, while the probes still answer.
 */
class MetricsExposureTests extends RunningFyren {

	@Test
	void withoutAManagementPortMetricsAreRefusedAndProbesAnswer() throws Exception {
		assertThat(status("/actuator/prometheus")).isIn(401, 403);
		assertThat(status("/livez")).isEqualTo(200);
		assertThat(status("/readyz")).isEqualTo(200);
	}

	private int status(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.clients.url(path))).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}
