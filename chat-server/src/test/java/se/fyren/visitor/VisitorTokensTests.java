package se.fyren.visitor;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VisitorTokensTests {

	@Test
	void tokensCarry256RandomBitsAndNeverRepeat() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String token = VisitorTokens.newToken();
			assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
			assertThat(seen.add(token)).isTrue();
		}
	}

	@Test
	void theStoredFormIsAHashNotTheToken() {
		String token = VisitorTokens.newToken();
		assertThat(VisitorTokens.hash(token)).hasSize(64).doesNotContain(token).isEqualTo(VisitorTokens.hash(token));
	}

}
