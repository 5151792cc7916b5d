package se.fyren.system;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TextEncryptionTests {

	private static final String K1 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	private static final String K2 = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

	@Test
	void encryptedTextIsUnreadableAndComesBackWithTheSameContext() {
		TextEncryption encryption = new TextEncryption(new EncryptionProperties("k1", Map.of("k1", K1)));
		String sealed = encryption.encrypt("Hej, jag heter Lina", "message:c1:m1");
		assertThat(sealed).startsWith("k1:").doesNotContain("Lina").doesNotContain("Hej");
		assertThat(encryption.decrypt(sealed, "message:c1:m1")).isEqualTo("Hej, jag heter Lina");
		assertThat(encryption.encrypt("Hej, jag heter Lina", "message:c1:m1")).as("fresh IV each time")
			.isNotEqualTo(sealed);
	}

	@Test
	void aValueMovedToAnotherContextDoesNotDecrypt() {
		TextEncryption encryption = new TextEncryption(new EncryptionProperties("k1", Map.of("k1", K1)));
		String sealed = encryption.encrypt("secret", "message:c1:m1");
		assertThatIllegalStateException().isThrownBy(() -> encryption.decrypt(sealed, "message:c2:m1"))
			.withMessageNotContaining("secret");
	}

	@Test
	void afterRotationOldValuesStillDecryptAndNewOnesUseTheNewKey() {
		String old = new TextEncryption(new EncryptionProperties("k1", Map.of("k1", K1))).encrypt("before", "ctx");
		TextEncryption rotated = new TextEncryption(new EncryptionProperties("k2", Map.of("k1", K1, "k2", K2)));
		assertThat(rotated.decrypt(old, "ctx")).isEqualTo("before");
		assertThat(rotated.encrypt("after", "ctx")).startsWith("k2:");
		TextEncryption retired = new TextEncryption(new EncryptionProperties("k2", Map.of("k2", K2)));
		assertThatIllegalStateException().isThrownBy(() -> retired.decrypt(old, "ctx")).withMessageContaining("k1");
	}

	@Test
	void badKeysAreRefusedAtStartup() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new TextEncryption(new EncryptionProperties("k1", Map.of("k1", "c2hvcnQ="))));
		assertThatIllegalStateException()
			.isThrownBy(() -> new TextEncryption(new EncryptionProperties("k9", Map.of("k1", K1))));
		TextEncryption none = new TextEncryption(new EncryptionProperties(null, Map.of()));
		assertThat(none.configured()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> none.encrypt("x", "ctx"));
	}

}
