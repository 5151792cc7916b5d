package se.fyren.visitor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import se.fyren.system.RandomIds;

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
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JRE", ex);
		}
	}

}
