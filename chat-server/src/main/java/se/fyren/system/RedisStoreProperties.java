package se.fyren.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cluster mode's use of Redis. The connection itself is Spring Boot's
 * {@code spring.data.redis.*}.
 *
 * @param keyPrefix every key Fyren writes starts with this
 * @param presenceTtl a node that has not confirmed it is alive (and its
 * counsellors' sessions) for this long is taken for dead, and its sessions
 * for closed
 * @param presenceRenewInterval how often a node confirms it is alive; well
 * below {@code presenceTtl}
 */
@ConfigurationProperties("fyren.redis")
public record RedisStoreProperties(@DefaultValue("fyren:") String keyPrefix,
		@DefaultValue("30s") Duration presenceTtl, @DefaultValue("10s") Duration presenceRenewInterval) {
}
