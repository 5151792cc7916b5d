package se.fyren.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.web.socket.WebSocketHttpHeaders;

import se.fyren.FyrenApplication;
import se.fyren.testsupport.FyrenClients;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.RedisTestStore;
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

	private ConfigurableApplicationContext node;

	@AfterEach
	void stop() {
		if (this.node != null) {
			this.node.close();
		}
		if (this.redis != null) {
			this.redis.destroy();
		}
	}

	@Test
	void aNodeWithoutRedisSaysSoAndRecoversWhenRedisReturns() throws Exception {
		int redisPort = freePort();
		startRedis(redisPort);
		FyrenClients clients = startNode(redisPort);
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
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

	private FyrenClients startNode(int redisPort) {
		Map<String, Object> properties = new HashMap<>(new RedisTestStore().clusterProperties());
		properties.put("spring.data.redis.url", "redis://127.0.0.1:" + redisPort);
		properties.put("server.port", 0);
		String[] arguments = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		this.node = new SpringApplicationBuilder(FyrenApplication.class).run(arguments);
		return new FyrenClients(((WebServerApplicationContext) this.node).getWebServer().getPort());
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

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
