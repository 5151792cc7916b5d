package se.fyren.visitor;

import se.fyren.system.RandomIds;
import se.fyren.system.Sha256;

/**
 * Visitor tokens: 256 random bits, base64url. Only their SHA-256 hash is
 * kept; a salt adds nothing against a 256-bit secret.
 */
public final class VisitorTokens {

	private VisitorTokens() {
	}

	/** A new token, to be handed to the visitor and then forgotten. */
	public static String newToken() {
		return RandomIds.of(32);
	}

	/** The form in which a token is stored and looked up. */
	public static String hash(String token) {
		return Sha256.hex(token);
	}

}
