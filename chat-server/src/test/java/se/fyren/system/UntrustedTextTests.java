package se.fyren.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UntrustedTextTests {

	@Test
	void bidiOverridesAndControlsAreRemovedAndTextIsNfc() {
		assertThat(UntrustedText.neutralise("\u202Egnp.exe")).isEqualTo("gnp.exe");
		assertThat(UntrustedText.neutralise("a\u2066b\u2069c\u0000d\u001b[31m\u0085")).isEqualTo("abcd[31m");
		assertThat(UntrustedText.neutralise("e\u0301")).isEqualTo("\u00e9");
		assertThat(UntrustedText.neutralise("one\r\ntwo\u2028three")).isEqualTo("one\n\ntwo\nthree");
		assertThat(UntrustedText.neutralise("\uD800x")).isEqualTo("\uFFFDx");
	}

	@Test
	void ordinaryTextInAnyScriptIsKept() {
		String text = "Hej! مرحبا \u200F שלום สวัสดี 👋🏽 tab\there\nnew line";
		assertThat(UntrustedText.neutralise(text)).isEqualTo(text);
	}

}
