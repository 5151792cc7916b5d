package se.fyren.system;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for encrypting data at rest outside this node (Redis in cluster mode).
 * Rotation: add a new key, make it active, keep the old ones until everything
 * they encrypted has expired.
 *
 * @param activeKey id of the key new data is encrypted with
 * @param keys every key by id, base64 of 16, 24 or 32 random bytes (AES-128/192/256)
 */
@ConfigurationProperties("fyren.encryption")
public record EncryptionProperties(String activeKey, Map<String, String> keys) {

	public EncryptionProperties {
		keys = (keys != null) ? Map.copyOf(keys) : Map.of();
	}

	/** Whether any key is configured. */
	public boolean configured() {
		return !this.keys.isEmpty();
	}

}
