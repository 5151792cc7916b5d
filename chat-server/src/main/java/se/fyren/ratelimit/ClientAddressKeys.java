package se.fyren.ratelimit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Turns a client's address into a rate-limit key: an HMAC under a secret
 * that changes every rotation window. The address itself is used in memory
 * for this computation only, never stored or logged; the key cannot be turned
 * back into the address, and after the window nothing links it to one.
 * <p>
 * Behind a load balancer the address is the one the balancer reports
 * ({@code server.forward-headers-strategy}).
 */
@Component
public class ClientAddressKeys {

	private static final String ALGORITHM = "HmacSHA256";

	private final byte[] secret;

	private final long rotationMillis;

	private final Clock clock;

	ClientAddressKeys(RateLimitProperties properties, Clock clock) {
		if (properties.addressSecret().isBlank()) {
			this.secret = new byte[32];
			new SecureRandom().nextBytes(this.secret);
		}
		else {
			this.secret = properties.addressSecret().getBytes(StandardCharsets.UTF_8);
		}
		this.rotationMillis = properties.addressKeyRotation().toMillis();
		this.clock = clock;
	}

	/** The key of the request's client address. */
	public String keyOf(HttpServletRequest request) {
		return keyOf(request.getRemoteAddr());
	}

	String keyOf(String address) {
		try {
			long window = this.clock.millis() / this.rotationMillis;
			Mac windowMac = Mac.getInstance(ALGORITHM);
			windowMac.init(new SecretKeySpec(this.secret, ALGORITHM));
			byte[] windowKey = windowMac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(window).array());
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(windowKey, ALGORITHM));
			byte[] digest = mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JRE", ex);
		}
	}

}
