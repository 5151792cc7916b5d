package se.fyren.visitor;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Visitor session settings.
 *
 * @param sessionIdleTimeout a session not connected for this long is forgotten
 * @param blockDurations the choices a counsellor has when blocking a visitor
 * session, shortest first
 */
@ConfigurationProperties("fyren.visitor")
public record VisitorProperties(@DefaultValue("12h") Duration sessionIdleTimeout,
		@DefaultValue({ "1h", "24h" }) List<Duration> blockDurations) {

	public VisitorProperties {
		blockDurations = blockDurations.stream().sorted().toList();
	}

}
