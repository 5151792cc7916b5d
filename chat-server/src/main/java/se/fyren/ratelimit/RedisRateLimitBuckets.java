package se.fyren.ratelimit;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce.LettuceBasedProxyManagerBuilder;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

import se.fyren.system.Sha256;

/**
 * Buckets in Redis, shared by every node, through Bucket4j's Lettuce
 * integration (compare-and-swap, no Lua). Keys expire once a bucket would be
 * full again, so idle keys cost nothing.
 * <p>
 * Failure: every decision waits at most {@code fyren.rate-limit.redis-timeout}
 * and retries a lost compare-and-swap at most a few times. When Redis cannot
 * be reached, each {@link Limit} applies its own choice: visitor-facing limits
 * fail open (a person in crisis is not turned away because a counter is
 * unavailable), staff logins fail closed (password guessing must stay
 * limited). A reconnect is tried at most once a second.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisRateLimitBuckets implements RateLimitBuckets, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(RedisRateLimitBuckets.class);

	private static final int MAX_RETRIES = 3;

	private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

	private final Supplier<AbstractRedisClient> client;

	/** Whether the client is this class's own, to shut down with it. */
	private final boolean ownClient;

	private final RateLimitProperties properties;

	private volatile StatefulConnection<String, byte[]> connection;

	private volatile ProxyManager<String> proxies;

	private volatile long nextConnectAttempt;

	/**
	 * On the Lettuce client of Spring Boot's {@code spring.data.redis.*}
	 * connection, whatever it is: one server, Sentinel or Redis Cluster.
	 * Commands fail fast while disconnected (see the store configuration), and
	 * each decision waits at most {@code redis-timeout}.
	 */
	@Autowired
	RedisRateLimitBuckets(RateLimitProperties properties, LettuceConnectionFactory connections) {
		this.properties = properties;
		this.client = connections::getRequiredNativeClient;
		this.ownClient = false;
	}

	/** On a client of its own for one Redis server, as tests use it. */
	RedisRateLimitBuckets(RateLimitProperties properties, String redisUrl) {
		this.properties = properties;
		RedisURI uri = RedisURI.create(redisUrl);
		uri.setTimeout(properties.redisTimeout());
		RedisClient own = RedisClient.create(uri);
		own.setOptions(ClientOptions.builder()
			// Fail fast while disconnected instead of queueing commands without bound.
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.timeoutOptions(TimeoutOptions.enabled(properties.redisTimeout()))
			.build());
		this.client = () -> own;
		this.ownClient = true;
	}

	@Override
	public Decision tryConsume(String key, BucketConfiguration configuration) {
		return decide(key, () -> {
			ConsumptionProbe probe = proxies().builder().build(prefixed(key), () -> configuration)
				.tryConsumeAndReturnRemaining(1);
			return probe.isConsumed() ? Decision.ALLOWED
					: Decision.refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		});
	}

	@Override
	public Decision peek(String key, BucketConfiguration configuration) {
		return decide(key, () -> {
			EstimationProbe probe = proxies().builder().build(prefixed(key), () -> configuration)
				.estimateAbilityToConsume(1);
			return probe.canBeConsumed() ? Decision.ALLOWED
					: Decision.refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		});
	}

	private Decision decide(String key, Supplier<Decision> call) {
		try {
			return call.get();
		}
		catch (RuntimeException ex) {
			// The key is never logged: it may stand for an address.
			logger.warn("Rate-limit store unavailable ({}); applying the limit's fail-open/closed choice",
					ex.getClass().getSimpleName());
			Limit limit = Limit.valueOf(key.substring(0, key.indexOf(':')));
			return limit.failClosed() ? Decision.refused(RECONNECT_PAUSE) : Decision.ALLOWED;
		}
	}

	private ProxyManager<String> proxies() {
		ProxyManager<String> current = this.proxies;
		if (current != null && this.connection.isOpen()) {
			return current;
		}
		synchronized (this) {
			if (this.proxies != null && this.connection.isOpen()) {
				return this.proxies;
			}
			long now = System.currentTimeMillis();
			if (now < this.nextConnectAttempt) {
				throw new IllegalStateException("Redis reconnect pause");
			}
			this.nextConnectAttempt = now + RECONNECT_PAUSE.toMillis();
			if (this.connection != null) {
				this.connection.closeAsync();
			}
			RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
			LettuceBasedProxyManagerBuilder<String> builder;
			if (this.client.get() instanceof RedisClusterClient cluster) {
				StatefulRedisClusterConnection<String, byte[]> connected = cluster.connect(codec);
				this.connection = connected;
				builder = Bucket4jLettuce.casBasedBuilder(connected);
			}
			else {
				StatefulRedisConnection<String, byte[]> connected = ((RedisClient) this.client.get()).connect(codec);
				this.connection = connected;
				builder = Bucket4jLettuce.casBasedBuilder(connected);
			}
			this.proxies = builder.maxRetries(MAX_RETRIES)
				.requestTimeout(this.properties.redisTimeout())
				.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
				.build();
			return this.proxies;
		}
	}

	private String prefixed(String key) {
		return redisKey(this.properties.redisKeyPrefix(), key);
	}

	/**
	 * The Redis key of a bucket: the limit's name and a digest of what it
	 * counts (a chat id, a keyed address), so that no id is written to Redis
	 * in a bucket's name; a bucket outlives the chat it counted by up to its
	 * refill period.
	 */
	static String redisKey(String prefix, String key) {
		int limitEnd = key.indexOf(':') + 1;
		return prefix + key.substring(0, limitEnd) + Sha256.hex(key.substring(limitEnd));
	}

	@Override
	public void destroy() {
		if (this.connection != null) {
			this.connection.close();
		}
		if (this.ownClient) {
			this.client.get().shutdown();
		}
	}

}
