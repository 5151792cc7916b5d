package se.fyren.letterbox;

import java.security.SecureRandom;
import java.util.Locale;

import se.fyren.system.Sha256;

/**
 * Pickup codes: 160 random bits in base32 (RFC 4648 alphabet, no look-alike
 * lowercase), grouped by four with dashes so they can be read aloud or copied
 * by hand. Only a SHA-256 hash of the normalised code is stored; with 160
 * random bits there is nothing to enumerate and a salt adds nothing.
 */
final class PickupCodes {

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

	private static final int BYTES = 20;

	private static final SecureRandom random = new SecureRandom();

	private PickupCodes() {
	}

	/** A new code, e.g. {@code K7QX-M2PA-…} (8 groups of 4). */
	static String newCode() {
		byte[] bytes = new byte[BYTES];
		random.nextBytes(bytes);
		StringBuilder code = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		int written = 0;
		for (byte value : bytes) {
			buffer = (buffer << 8) | (value & 0xff);
			bits += 8;
			while (bits >= 5) {
				if (written > 0 && written % 4 == 0) {
					code.append('-');
				}
				code.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
				bits -= 5;
				written++;
			}
		}
		return code.toString();
	}

	/** The stored form: hash of the code without dashes or spaces, upper case. */
	static String hash(String code) {
		String normalized = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		return Sha256.hex(normalized);
	}

	/** Whether the text could be a code at all, before looking it up. */
	static boolean plausible(String code) {
		return code != null && code.length() <= 64 && code.matches("[A-Za-z2-7\\s-]+");
	}

}
