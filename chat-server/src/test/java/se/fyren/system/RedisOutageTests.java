package se.fyren.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.web.socket.WebSocketHttpHeaders;

import se.fyren.testsupport.FyrenClients;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.FyrenNodes;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * A node whose Redis goes away reports not ready, answers visitors with
 * TEMPORARILY_UNAVAILABLE and keeps their connections, and serves again by
 * itself once Redis is back, making its clients reconnect and sync. Runs its own redis-server on a free port, so the
 * Redis other tests share is never touched.
 */
class RedisOutageTests {

	@TempDir
	Path data;

	private Process redis;

	private final FyrenNodes nodes = FyrenNodes.onOwnRedis();

	/** The node goes first, while its Redis still answers. */
	@AfterEach
	void stop() {
		this.nodes.close();
		if (this.redis != null) {
			this.redis.destroy();
		}
	}

	@Test
	void aNodeWithoutRedisSaysSoAndRecoversWhenRedisReturns() throws Exception {
		int redisPort = LocalPorts.free();
		startRedis(redisPort);
		FyrenClients clients = this.nodes.with("spring.data.redis.url", "redis://127.0.0.1:" + redisPort)
			.start()
			.clients();
		assertThat(readiness(clients)).isEqualTo(200);
		Visitor visitor = clients.visitor();

		this.redis.destroy();
		this.redis.waitFor();
		await().atMost(Duration.ofSeconds(20)).until(() -> readiness(clients) == 503);
		HttpResponse<String> refused = post(clients.url("/api/visitor/sessions"));
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.body()).contains("\"TEMPORARILY_UNAVAILABLE\"");
		visitor.stomp().send("/app/visitor/join", json("queue", "youth"));
		assertThat(visitor.stomp().awaitError(1)).isEqualTo("TEMPORARILY_UNAVAILABLE");
		StompHeaders connect = new StompHeaders();
		connect.add("visitor-token", visitor.token());
		assertThat(clients.refusal("/ws/visitor", new WebSocketHttpHeaders(), connect))
			.isEqualTo("TEMPORARILY_UNAVAILABLE");

		startRedis(redisPort);
		await().atMost(Duration.ofSeconds(60)).until(() -> readiness(clients) == 200);
		// Events published while the node was unsubscribed are lost to it: it closes its
		// connections, so that the client reconnects and syncs from the store.
		await().atMost(Duration.ofSeconds(60)).until(() -> !visitor.stomp().connected());
		try (StompParticipant back = clients.resume(visitor.token(), 0)) {
			back.send("/app/visitor/join", json("queue", "youth"));
			assertThat(back.awaitEvent("position")).containsEntry("position", 1);
		}
		visitor.close();
	}

	private void startRedis(int port) throws IOException {
		this.redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", this.data.toString())
			.redirectErrorStream(true)
			.redirectOutput(Files.createTempFile(this.data, "redis", ".log").toFile())
			.start();
		LocalPorts.awaitListening(port);
	}

	private static int readiness(FyrenClients clients) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(clients.url("/actuator/health/readiness"))).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static HttpResponse<String> post(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
