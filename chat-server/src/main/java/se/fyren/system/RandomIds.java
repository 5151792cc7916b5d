package se.fyren.system;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable random ids, base64url without padding.
 */
public final class RandomIds {

	private static final SecureRandom random = new SecureRandom();

	private RandomIds() {
	}

	/** A random id of the given number of bytes (16 bytes: 128 bits). */
	public static String of(int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

}
