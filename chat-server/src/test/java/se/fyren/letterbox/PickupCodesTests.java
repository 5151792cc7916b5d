package se.fyren.letterbox;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PickupCodesTests {

	@Test
	void codesCarry160RandomBitsInReadableGroups() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String code = PickupCodes.newCode();
			assertThat(code).matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){7}");
			assertThat(seen.add(code)).isTrue();
		}
	}

	@Test
	void theHashIgnoresCaseDashesAndSpacesButNothingElse() {
		String code = PickupCodes.newCode();
		String hash = PickupCodes.hash(code);
		assertThat(PickupCodes.hash(code.toLowerCase().replace("-", " "))).isEqualTo(hash);
		assertThat(hash).doesNotContain(code.replace("-", "")).hasSize(64);
		assertThat(PickupCodes.hash(code.substring(0, code.length() - 1) + "A")).isNotEqualTo(hash);
		assertThat(PickupCodes.plausible("<script>")).isFalse();
		assertThat(PickupCodes.plausible(code)).isTrue();
	}

}
