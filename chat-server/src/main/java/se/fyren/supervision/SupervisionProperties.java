package se.fyren.supervision;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the service promises visitors, which supervisors and alerts measure
 * queues against.
 *
 * @param waitTarget how long a visitor should wait at most before a counsellor
 * takes the chat, for every queue without its own target
 * @param waitTargets per queue id, a target that overrides {@code waitTarget}
 */
@ConfigurationProperties("fyren.supervision")
public record SupervisionProperties(@DefaultValue("5m") Duration waitTarget, Map<String, Duration> waitTargets) {

	public SupervisionProperties {
		waitTargets = (waitTargets != null) ? Map.copyOf(waitTargets) : Map.of();
	}

	/** The wait target of the queue. */
	public Duration waitTargetOf(String queue) {
		return this.waitTargets.getOrDefault(queue, this.waitTarget);
	}

}
