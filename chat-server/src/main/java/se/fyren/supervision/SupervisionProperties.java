package se.fyren.supervision;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Supervision settings.
 *
 * @param zone the service's time zone: "today" and the history's hours are
 * counted in it
 * @param defaultTarget how long a visitor should wait at most, for queues
 * without their own target
 * @param targets wait target per queue id, e.g. {@code youth: 1m}
 * @param refreshInterval how often watching supervisors get fresh figures
 * even when nothing happened (waits grow by themselves)
 * @param staffingSampleInterval how often the number of counsellors on duty
 * is sampled for the history
 * @param historyDays how many days of hourly figures are kept
 */
@ConfigurationProperties("fyren.supervision")
public record SupervisionProperties(@DefaultValue("Europe/Stockholm") ZoneId zone,
		@DefaultValue("2m") Duration defaultTarget, Map<String, Duration> targets,
		@DefaultValue("5s") Duration refreshInterval, @DefaultValue("1m") Duration staffingSampleInterval,
		@DefaultValue("400") int historyDays) {

	public SupervisionProperties {
		targets = (targets != null) ? Map.copyOf(targets) : Map.of();
	}

	/** The wait target of the queue. */
	public Duration targetOf(String queue) {
		return this.targets.getOrDefault(queue, this.defaultTarget);
	}

}
