package se.fyren.handover;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import se.fyren.system.EncryptionProperties;
import se.fyren.system.TextEncryption;

/**
 * Turns handover content into AES-GCM ciphertext and back, bound to the
 * proposal or record it belongs to. Uses the configured keys (so rotation
 * works as for transcripts); in embedded mode without configured keys it
 * uses a key that lives only in this process's memory, as the records do.
 */
@Component
class HandoverSealing {

	private final TextEncryption encryption;

	private final JsonMapper json;

	HandoverSealing(TextEncryption configured, JsonMapper json) {
		this.encryption = configured.configured() ? configured : new TextEncryption(
				new EncryptionProperties("process", Map.of("process", processKey())));
		this.json = json;
	}

	private static String processKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	String seal(Object value, String context) {
		return this.encryption.encrypt(this.json.writeValueAsString(value), context);
	}

	<T> T open(String sealed, String context, Class<T> type) {
		return this.json.readValue(this.encryption.decrypt(sealed, context), type);
	}

	static String proposalContext(String chatId) {
		return "handover-proposal:" + chatId;
	}

	static String recordContext(String reference) {
		return "handover:" + reference;
	}

}
