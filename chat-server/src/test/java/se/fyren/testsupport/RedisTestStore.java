package se.fyren.testsupport;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import se.fyren.system.EncryptionProperties;
import se.fyren.system.RandomIds;
import se.fyren.system.RedisKeys;
import se.fyren.system.TextEncryption;

/**
 * The real Redis the tests share (127.0.0.1:6379, or {@code FYREN_TEST_REDIS_URL}
 * as {@code redis://[:password@]host:port}), under a random key prefix per test
 * class. Cleans up only its own prefix: other test runs use the same Redis.
 */
public final class RedisTestStore implements AutoCloseable {

	/** A fixed test key, as base64 of 32 bytes. */
	public static final String TEST_KEY = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'k');

	private final LettuceConnectionFactory connections;

	private final StringRedisTemplate redis;

	private final String prefix = "fyren-test:" + RandomIds.of(6) + ":";

	public RedisTestStore() {
		URI url = URI.create(url());
		RedisStandaloneConfiguration standalone = new RedisStandaloneConfiguration(url.getHost(),
				(url.getPort() > 0) ? url.getPort() : 6379);
		if (url.getUserInfo() != null) {
			standalone.setPassword(url.getUserInfo().substring(url.getUserInfo().indexOf(':') + 1));
		}
		this.connections = new LettuceConnectionFactory(standalone);
		this.connections.afterPropertiesSet();
		this.connections.start();
		this.redis = new StringRedisTemplate(this.connections);
	}

	/** Where the test Redis is, as a URL. */
	public static String url() {
		String configured = System.getenv("FYREN_TEST_REDIS_URL");
		return (configured != null && !configured.isBlank()) ? configured : "redis://127.0.0.1:6379";
	}

	/** Spring Boot properties that put a Fyren node in cluster mode on this store. */
	public Map<String, Object> clusterProperties() {
		Map<String, Object> properties = new HashMap<>(clusterMode(this.prefix));
		properties.put("spring.data.redis.url", url());
		return properties;
	}

	/** Spring Boot properties that put a Fyren node in cluster mode under a key prefix, on any Redis. */
	public static Map<String, Object> clusterMode(String keyPrefix) {
		return Map.of("fyren.store", "redis", "fyren.redis.key-prefix", keyPrefix, "fyren.encryption.active-key", "test",
				"fyren.encryption.keys.test", TEST_KEY);
	}

	/** Registers {@link #clusterProperties()} from a {@code @DynamicPropertySource} method. */
	public void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
		clusterProperties().forEach((name, value) -> registry.add(name, () -> value));
	}

	public String prefix() {
		return this.prefix;
	}

	public StringRedisTemplate template() {
		return this.redis;
	}

	/** Keys under a fresh sub-prefix, so each test starts empty. */
	public RedisKeys freshKeys() {
		return new RedisKeys(this.prefix + RandomIds.of(4) + ":");
	}

	public static TextEncryption encryption() {
		return new TextEncryption(new EncryptionProperties("test", Map.of("test", TEST_KEY)));
	}

	/** Every key under this store's prefix. */
	public List<String> keys() {
		List<String> keys = new ArrayList<>();
		try (Cursor<String> cursor = this.redis.scan(ScanOptions.scanOptions().match(this.prefix + "*").count(500).build())) {
			cursor.forEachRemaining(keys::add);
		}
		return keys;
	}

	/** A key's whole value as text, whatever its type, to look for what must not be there. */
	public String valueOf(String key) {
		org.springframework.data.redis.connection.DataType type = this.redis.type(key);
		Object value = switch (type) {
			case STRING -> this.redis.opsForValue().get(key);
			case HASH -> this.redis.opsForHash().entries(key);
			case SET -> this.redis.opsForSet().members(key);
			case ZSET -> this.redis.opsForZSet().rangeWithScores(key, 0, -1).stream()
				.map((tuple) -> tuple.getValue() + "=" + tuple.getScore()).toList();
			case LIST -> this.redis.opsForList().range(key, 0, -1);
			case STREAM -> this.redis.opsForStream().range(key, org.springframework.data.domain.Range.unbounded())
				.stream().map((entry) -> entry.getId() + "=" + entry.getValue()).toList();
			default -> "";
		};
		return String.valueOf(value);
	}

	/** Deletes every key under this store's prefix. */
	public void clear() {
		List<String> mine = keys();
		if (!mine.isEmpty()) {
			this.redis.delete(mine);
		}
	}

	@Override
	public void close() {
		clear();
		this.connections.destroy();
	}

}
