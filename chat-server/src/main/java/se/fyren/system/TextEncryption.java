package se.fyren.system;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts text with AES-GCM under the active key of {@link EncryptionProperties}
 * and decrypts with whichever configured key a value names, so keys can be
 * rotated. The output is {@code keyId:base64(iv + ciphertext + tag)}.
 * <p>
 * Every value is bound to a context (for example a chat and message id) as
 * GCM associated data: a ciphertext copied to another place does not decrypt.
 * That is why this uses the JDK's cipher directly rather than Spring
 * Security's {@code AesBytesEncryptor}, which takes no associated data.
 */
@Component
public class TextEncryption {

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom random = new SecureRandom();

	private final Map<String, SecretKey> keys;

	private final String activeKey;

	public TextEncryption(EncryptionProperties properties) {
		Map<String, SecretKey> parsed = new HashMap<>();
		properties.keys().forEach((id, encoded) -> parsed.put(id, key(id, encoded)));
		this.keys = Map.copyOf(parsed);
		this.activeKey = properties.activeKey();
		if (!this.keys.isEmpty() && (this.activeKey == null || !this.keys.containsKey(this.activeKey))) {
			throw new IllegalStateException("fyren.encryption.active-key must name one of fyren.encryption.keys");
		}
		for (String id : this.keys.keySet()) {
			if (id.contains(":")) {
				throw new IllegalStateException("Encryption key ids may not contain ':'");
			}
		}
	}

	private static SecretKey key(String id, String encoded) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(encoded.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Encryption key " + id + " is not base64");
		}
		if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
			throw new IllegalStateException("Encryption key " + id + " must be 16, 24 or 32 bytes");
		}
		return new SecretKeySpec(bytes, "AES");
	}

	/** Whether a key is configured; without one, {@link #encrypt} refuses. */
	public boolean configured() {
		return !this.keys.isEmpty();
	}

	/** Encrypts the text, bound to the context. */
	public String encrypt(String text, String context) {
		if (!configured()) {
			throw new IllegalStateException("No encryption key configured (fyren.encryption.keys)");
		}
		byte[] iv = new byte[IV_BYTES];
		random.nextBytes(iv);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, this.keys.get(this.activeKey), iv, context);
			byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
			byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
			return this.activeKey + ":" + Base64.getEncoder().withoutPadding().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM failed", ex);
		}
	}

	/**
	 * Decrypts a value made by {@link #encrypt} with the same context, under
	 * whichever configured key it names. Fails without saying why beyond the
	 * key id: the value itself never goes into a message.
	 */
	public String decrypt(String value, String context) {
		int colon = value.indexOf(':');
		String keyId = (colon > 0) ? value.substring(0, colon) : "";
		SecretKey key = this.keys.get(keyId);
		if (key == null) {
			throw new IllegalStateException("Value encrypted with unknown key '" + keyId + "'");
		}
		try {
			byte[] in = Base64.getDecoder().decode(value.substring(colon + 1));
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(in, IV_BYTES), context);
			return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
			throw new IllegalStateException("Cannot decrypt a value under key '" + keyId + "'");
		}
	}

	private static Cipher cipher(int mode, SecretKey key, byte[] iv, String context) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance(TRANSFORMATION);
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
		cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

}
