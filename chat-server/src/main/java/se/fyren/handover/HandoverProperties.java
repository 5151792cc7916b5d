package se.fyren.handover;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The receiving units a counsellor may hand a chat over to, and how long a
 * handover record is kept.
 *
 * @param units receiving units by id (for example {@code adults-clinic})
 * @param recordRetention how long a handover record is kept after the visitor
 * confirmed it; it is deleted afterwards whether or not it was acknowledged
 * @param proposalLifetime how long an unanswered proposal waits for the visitor
 * @param webhook how deliveries to the units' webhooks are retried
 * @param concernUnit id of the unit that receives reports of concern about a child
 */
@ConfigurationProperties("fyren.handover")
public record HandoverProperties(Map<String, Unit> units, @DefaultValue("30d") Duration recordRetention,
		@DefaultValue("15m") Duration proposalLifetime, @DefaultValue Webhook webhook,
		@DefaultValue("child-protection") String concernUnit) {

	public HandoverProperties {
		units = (units != null) ? Map.copyOf(units) : Map.of();
		units.forEach((id, unit) -> {
			if (unit.webhookUrl() != null && (unit.webhookSecret() == null || unit.webhookSecret().length() < 16)) {
				throw new IllegalStateException("fyren.handover.units." + id
						+ ".webhook-secret must be set (at least 16 characters) when a webhook-url is");
			}
		});
	}

	/**
	 * A receiving unit.
	 *
	 * @param name what the visitor and staff see, for example "Vuxenmottagningen"
	 * @param webhookUrl where records are posted, or null for the console inbox only
	 * @param webhookSecret the shared HMAC-SHA256 key for the signature
	 */
	public record Unit(String name, URI webhookUrl, String webhookSecret) {
	}

	/**
	 * Retries of a webhook delivery: the wait doubles from the initial backoff up
	 * to the maximum, for at most the given number of attempts.
	 *
	 * @param initialBackoff wait after the first failure
	 * @param maxBackoff longest wait between attempts
	 * @param maxAttempts attempts before giving up (the record stays in the inbox)
	 * @param timeout connect and read timeout of one attempt
	 */
	public record Webhook(@DefaultValue("5s") Duration initialBackoff, @DefaultValue("10m") Duration maxBackoff,
			@DefaultValue("12") int maxAttempts, @DefaultValue("10s") Duration timeout) {
	}

}
