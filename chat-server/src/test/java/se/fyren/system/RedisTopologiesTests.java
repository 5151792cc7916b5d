package se.fyren.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.fyren.letterbox.Letter;
import se.fyren.letterbox.Letterbox;
import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.FyrenNode;
import se.fyren.testsupport.FyrenNodes;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * Cluster mode on Redis Sentinel, on Redis Cluster and on a Redis that needs
 * a password and TLS, configured the Spring Boot way only: each test starts its own redis-server processes on free
 * ports in a temporary directory (never the shared Redis), runs two nodes on
 * them and carries a whole chat across the nodes, with a staff login, rate-limited
 * joins and messages, and a letter answered on the way.
 */
class RedisTopologiesTests {

	@TempDir
	Path data;

	private final List<Process> redis = new ArrayList<>();

	private final FyrenNodes nodes = FyrenNodes.onOwnRedis();

	/** The nodes go first, while their Redis still answers. */
	@AfterEach
	void stop() throws InterruptedException {
		this.nodes.close();
		for (Process process : this.redis) {
			process.destroy();
		}
		for (Process process : this.redis) {
			process.waitFor();
		}
	}

	@Test
	void aChatRunsOnASentinelWatchedMasterWithAReplica() throws Exception {
		int master = LocalPorts.free();
		int replica = LocalPorts.free();
		int sentinel = LocalPorts.free();
		startRedis("master", "--port", Integer.toString(master));
		startRedis("replica", "--port", Integer.toString(replica), "--replicaof", "127.0.0.1", Integer.toString(master));
		Path config = this.data.resolve("sentinel.conf");
		Files.writeString(config, """
				port %d
				bind 127.0.0.1
				dir %s
				sentinel monitor fyren 127.0.0.1 %d 1
				sentinel down-after-milliseconds fyren 5000
				""".formatted(sentinel, this.data, master));
		startRedis("sentinel", config.toString(), "--sentinel");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> cli(sentinel, "SENTINEL", "get-master-addr-by-name", "fyren").contains(Integer.toString(master)));

		chatAcrossTwoNodes(Map.of("spring.data.redis.sentinel.master", "fyren", "spring.data.redis.sentinel.nodes",
				"127.0.0.1:" + sentinel));
		assertThat(cli(master, "--scan", "--pattern", "*:rl:*")).as("rate limits on the same Redis").isNotBlank();
		// Replication is asynchronous: the replica catches up shortly after the master.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(cli(replica, "DBSIZE")).as("replicated")
			.isNotEqualTo("0"));
	}

	@Test
	void aChatRunsOnARedisClusterOfThreeMasters() throws Exception {
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			int port = freeClusterPort();
			Path dir = Files.createDirectories(this.data.resolve("node-" + port));
			startRedis("cluster-" + port, "--port", Integer.toString(port), "--cluster-enabled", "yes",
					"--cluster-config-file", dir.resolve("nodes.conf").toString(), "--dir", dir.toString());
			addresses.add("127.0.0.1:" + port);
		}
		List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
		create.addAll(addresses);
		create.add("--cluster-yes");
		Process creating = new ProcessBuilder(create).redirectErrorStream(true)
			.redirectOutput(this.data.resolve("cluster-create.log").toFile())
			.start();
		assertThat(creating.waitFor()).isZero();
		int first = Integer.parseInt(addresses.get(0).substring(addresses.get(0).indexOf(':') + 1));
		await().atMost(Duration.ofSeconds(30)).until(() -> cli(first, "CLUSTER", "INFO").contains("cluster_state:ok"));

		chatAcrossTwoNodes(Map.of("spring.data.redis.cluster.nodes", String.join(",", addresses)));
		String rateLimitKeys = addresses.stream()
			.map((address) -> cli(Integer.parseInt(address.substring(address.indexOf(':') + 1)), "--scan", "--pattern",
					"*:rl:*"))
			.reduce("", String::concat);
		assertThat(rateLimitKeys).as("rate limits on the same Redis").isNotBlank();
	}

	@Test
	void aChatRunsOnARedisReachableOnlyOverTlsWithAUserAndPassword() throws Exception {
		Path ca = this.data.resolve("ca.crt");
		Path cert = this.data.resolve("redis.crt");
		Path key = this.data.resolve("redis.key");
		makeCertificates(ca, cert, key);
		int port = LocalPorts.free();
		// The default user is off: only the fyren user with its password gets in, and only over TLS.
		startRedis("tls", "--port", "0", "--tls-port", Integer.toString(port), "--tls-cert-file", cert.toString(),
				"--tls-key-file", key.toString(), "--tls-ca-cert-file", ca.toString(), "--tls-auth-clients", "no",
				"--user", "default", "off", "--user", "fyren", "on", ">s3cret-pass", "~*", "&*", "+@all");
		LocalPorts.awaitListening(port);
		String[] tls = { "--tls", "--cacert", ca.toString() };
		assertThat(cli(port, "--user", "fyren", "--pass", "s3cret-pass", "--no-auth-warning", "PING"))
			.as("refused without TLS")
			.doesNotContain("PONG");
		assertThat(cli(port, tls[0], tls[1], tls[2], "PING")).as("refused without the password").contains("NOAUTH");
		assertThat(cli(port, tls[0], tls[1], tls[2], "--user", "fyren", "--pass", "wrong", "--no-auth-warning", "PING"))
			.as("refused with a wrong password")
			.contains("WRONGPASS");
		assertThat(cli(port, tls[0], tls[1], tls[2], "--user", "fyren", "--pass", "s3cret-pass", "--no-auth-warning",
				"PING"))
			.isEqualTo("PONG");

		chatAcrossTwoNodes(Map.of("spring.data.redis.host", "127.0.0.1", "spring.data.redis.port",
				Integer.toString(port), "spring.data.redis.username", "fyren", "spring.data.redis.password",
				"s3cret-pass", "spring.data.redis.ssl.enabled", "true", "spring.data.redis.ssl.bundle", "fyren-redis",
				"spring.ssl.bundle.pem.fyren-redis.truststore.certificate", "file:" + ca));
		assertThat(cli(port, tls[0], tls[1], tls[2], "--user", "fyren", "--pass", "s3cret-pass", "--no-auth-warning",
				"--scan", "--pattern", "*:rl:*"))
			.as("rate limits on the same Redis")
			.isNotBlank();
	}

	/** A CA of its own and a server certificate for 127.0.0.1 and localhost that it signs. */
	private void makeCertificates(Path ca, Path cert, Path key) throws IOException, InterruptedException {
		Path caKey = this.data.resolve("ca.key");
		Path request = this.data.resolve("redis.csr");
		Path extensions = this.data.resolve("redis.ext");
		Files.writeString(extensions, "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
		openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey.toString(), "-out", ca.toString(),
				"-days", "2", "-subj", "/CN=Fyren test CA");
		openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", request.toString(), "-subj",
				"/CN=127.0.0.1");
		openssl("x509", "-req", "-in", request.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
				"-CAcreateserial", "-out", cert.toString(), "-days", "2", "-extfile", extensions.toString());
	}

	private void openssl(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("openssl"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.data.resolve("openssl.log").toFile()))
			.start();
		assertThat(process.waitFor()).as("openssl " + arguments[0]).isZero();
	}

	private void chatAcrossTwoNodes(Map<String, String> connection) {
		this.nodes.with(connection);
		FyrenNode nodeA = this.nodes.start();
		FyrenNode nodeB = this.nodes.start();
		try (StompParticipant anna = nodeB.clients().staff("anna", "fyren-demo");
				Visitor visitor = nodeA.clients().visitor()) {
			String chatId = ChatFlow.startChat(visitor, anna, "sells-sex");
			visitor.stomp().send("/app/visitor/message", json("id", "v-1", "text", "hello from node A"));
			anna.send("/app/counsellor/message", json("chatId", chatId, "id", "c-1", "text", "hello from node B"));
			anna.awaitEvent("message", (e) -> "v-1".equals(e.get("id")));
			visitor.stomp().awaitEvent("message", (e) -> "c-1".equals(e.get("id")));
			anna.send("/app/counsellor/end", json("chatId", chatId));
			visitor.stomp().awaitEvent("ended");
			anna.send("/app/counsellor/duty", json("onDuty", false));
			assertThat(anna.errors()).isEmpty();
			assertThat(visitor.stomp().errors()).isEmpty();
		}
		Letterbox letters = nodeA.getBean(Letterbox.class);
		Instant now = Instant.now();
		letters.save(new Letter("letter-1", "code-hash", "relatives", "a letter", "sv", now, null, null, null));
		letters.update("letter-1",
				(letter) -> new Letter(letter.id(), letter.codeHash(), letter.queue(), letter.text(), letter.language(),
						letter.sentAt(), "an answer", "anna", now));
		assertThat(nodeB.getBean(Letterbox.class).findByCodeHash("code-hash")).get()
			.extracting(Letter::answer)
			.isEqualTo("an answer");
	}

	private void startRedis(String name, String... arguments) throws IOException {
		List<String> command = new ArrayList<>(List.of("redis-server"));
		command.addAll(List.of(arguments));
		if (!name.equals("sentinel")) {
			command.addAll(List.of("--bind", "127.0.0.1", "--save", "", "--appendonly", "no"));
			if (!command.contains("--dir")) {
				command.addAll(List.of("--dir", this.data.toString()));
			}
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.data.resolve(name + ".log").toFile())
			.start();
		this.redis.add(process);
		int port = Integer.parseInt(arguments[0].equals("--port") ? arguments[1]
				: Files.readString(Path.of(arguments[0])).lines().findFirst().orElseThrow().substring(5).trim());
		if (port != 0) {
			LocalPorts.awaitListening(port);
		}
	}

	private static String cli(int port, String... command) {
		List<String> line = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
		line.addAll(List.of(command));
		try {
			Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes()).trim();
			process.waitFor();
			return out;
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	/** A free port whose cluster bus port (10000 above) is free too. */
	private static int freeClusterPort() throws IOException {
		while (true) {
			int port = LocalPorts.free();
			if (port + 10000 > 65535) {
				continue;
			}
			try (ServerSocket bus = new ServerSocket(port + 10000)) {
				return port;
			}
			catch (IOException taken) {
				// try another
			}
		}
	}

}
