package se.fyren.handover;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

import se.fyren.handover.HandoverProperties.Unit;

/**
 * Delivers confirmed handover records to their unit's webhook: a JSON body,
 * signed with HMAC-SHA256 over {@code timestamp + "." + body} so the receiver
 * can check origin and refuse replays, retried with doubling backoff. Every
 * attempt carries the handover reference in {@code Fyren-Handover-Id}, so a
 * receiver that got a delivery twice (a lost answer) keeps one. Each due
 * attempt is claimed first, so in a cluster exactly one node sends it.
 */
@Component
class HandoverWebhook {

	static final String ID_HEADER = "Fyren-Handover-Id";

	static final String TIMESTAMP_HEADER = "Fyren-Timestamp";

	static final String SIGNATURE_HEADER = "Fyren-Signature";

	private static final Logger logger = LoggerFactory.getLogger(HandoverWebhook.class);

	private final HandoverRecords records;

	private final HandoverProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final RestClient http;

	HandoverWebhook(HandoverRecords records, HandoverProperties properties, JsonMapper json, Clock clock) {
		this.records = records;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		Duration timeout = properties.webhook().timeout();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build());
		requests.setReadTimeout(timeout);
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	@Scheduled(fixedDelayString = "${fyren.handover.webhook.poll-interval:5s}")
	void deliverDue() {
		Instant now = this.clock.instant();
		// Every node polls: only the node that claims a due attempt sends it, and only if it is still due.
		Duration lease = this.properties.webhook().timeout().multipliedBy(3);
		for (HandoverStatus status : this.records.statuses()) {
			if (isDue(status, now) && this.records.claimAttempt(status.reference(), status.nextAttemptAt(), lease)) {
				this.records.status(status.reference())
					.filter((current) -> isDue(current, now) && current.nextAttemptAt().equals(status.nextAttemptAt()))
					.ifPresent(this::attempt);
			}
		}
	}

	private static boolean isDue(HandoverStatus status, Instant now) {
		return status.nextAttemptAt() != null && !status.nextAttemptAt().isAfter(now);
	}

	private void attempt(HandoverStatus status) {
		Unit unit = this.properties.units().get(status.unit());
		Handover handover = this.records.content(status.reference()).orElse(null);
		if (unit == null || unit.webhookUrl() == null || handover == null) {
			return;
		}
		String body = this.json.writeValueAsString(handover);
		String timestamp = Long.toString(this.clock.instant().getEpochSecond());
		try {
			this.http.post()
				.uri(unit.webhookUrl())
				.contentType(MediaType.APPLICATION_JSON)
				.header(ID_HEADER, status.reference())
				.header(TIMESTAMP_HEADER, timestamp)
				.header(SIGNATURE_HEADER, "v1=" + sign(unit.webhookSecret(), timestamp, body))
				.body(body)
				.retrieve()
				.toBodilessEntity();
			this.records.update(status.delivered(this.clock.instant()));
		}
		catch (RestClientException ex) {
			failed(status);
		}
	}

	private void failed(HandoverStatus status) {
		int attempts = status.attempts() + 1;
		if (attempts >= this.properties.webhook().maxAttempts()) {
			logger.warn("Gave up delivering handover {} to its webhook after {} attempts; it stays in the inbox",
					status.reference(), attempts);
			this.records.update(status.failed(null));
			return;
		}
		Duration wait = this.properties.webhook().initialBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
		if (wait.compareTo(this.properties.webhook().maxBackoff()) > 0) {
			wait = this.properties.webhook().maxBackoff();
		}
		this.records.update(status.failed(this.clock.instant().plus(wait)));
	}

	/** Hex HMAC-SHA256 of {@code timestamp + "." + body} under the secret. */
	static String sign(String secret, String timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
