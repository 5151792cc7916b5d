package se.fyren.system;

import java.util.UUID;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.data.redis.health.DataRedisHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Cluster mode ({@code fyren.store=redis}): the shared pieces the Redis
 * implementations of the state interfaces use. Refuses to start without an
 * encryption key, so no conversation is ever written to Redis readable.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisStoreConfiguration {

	RedisStoreConfiguration(TextEncryption encryption) {
		if (!encryption.configured()) {
			throw new IllegalStateException(
					"Cluster mode (fyren.store=redis) needs fyren.encryption.keys and fyren.encryption.active-key");
		}
	}

	@Bean
	RedisKeys redisKeys(RedisStoreProperties properties) {
		return new RedisKeys(properties.keyPrefix());
	}

	/**
	 * While Redis is unreachable, fail commands at once instead of queueing
	 * them until the timeout: the participant gets TEMPORARILY_UNAVAILABLE
	 * and resends, and the node does not pile up work. Lettuce keeps
	 * reconnecting by itself.
	 */
	@Bean
	LettuceClientOptionsBuilderCustomizer redisFailFast() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

	/** This node's id among the nodes sharing Redis; new at every start. */
	@Bean
	RedisNode redisNode() {
		return new RedisNode(UUID.randomUUID().toString());
	}

	/**
	 * Readiness: a node that cannot reach Redis takes no traffic. Boot's own
	 * indicator is switched off in application.yml, so embedded mode never
	 * reports on a Redis it does not use.
	 */
	@Bean
	DataRedisHealthIndicator redisHealthIndicator(RedisConnectionFactory connections) {
		return new DataRedisHealthIndicator(connections);
	}

	/**
	 * Pub/sub for events between nodes. One dispatch thread, so events reach
	 * local sessions in the order they were published; the subscription is
	 * re-established by itself after Redis comes back. Named as Spring Boot's
	 * default container, which it replaces.
	 * <p>
	 * The dispatch thread is the container's own, not a bean: Spring Boot
	 * runs the STOMP channels on the context's only {@code AsyncTaskExecutor}
	 * when there is just one, and as a bean this single thread would have
	 * carried every frame of the node.
	 */
	@Bean
	RedisMessageListenerContainer redisMessageListenerContainer(RedisConnectionFactory connections) {
		ThreadPoolTaskExecutor dispatch = new ThreadPoolTaskExecutor();
		dispatch.setCorePoolSize(1);
		dispatch.setMaxPoolSize(1);
		dispatch.setThreadNamePrefix("fyren-redis-events-");
		dispatch.initialize();
		RedisMessageListenerContainer container = new RedisEventContainer(dispatch);
		container.setConnectionFactory(connections);
		container.setTaskExecutor(dispatch);
		ExponentialBackOff recovery = new ExponentialBackOff(200, 2);
		recovery.setMaxInterval(5000);
		container.setRecoveryBackoff(recovery);
		return container;
	}

	/** The listener container that stops its own dispatch thread with it. */
	static final class RedisEventContainer extends RedisMessageListenerContainer {

		private final ThreadPoolTaskExecutor dispatch;

		RedisEventContainer(ThreadPoolTaskExecutor dispatch) {
			this.dispatch = dispatch;
		}

		@Override
		public void destroy() throws Exception {
			super.destroy();
			this.dispatch.shutdown();
		}

	}

}
