package se.fyren.system;

import java.text.Normalizer;

/**
 * Makes text a person typed safe to store and show: Unicode NFC, and the
 * characters that could disguise it neutralised. Bidirectional overrides,
 * embeddings and isolates (which can make a message read differently from
 * what it says, or spoof a name) and control characters are removed; line
 * and paragraph separators become newlines; lone surrogates become U+FFFD.
 * Ordinary marks such as LRM/RLM and joiners stay: scripts need them.
 */
public final class UntrustedText {

	private UntrustedText() {
	}

	/** The text, normalised and neutralised; null stays null. */
	public static String neutralise(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				out.append(c).append(text.charAt(++i));
			}
			else if (Character.isSurrogate(c)) {
				out.append('\uFFFD');
			}
			else if (c == '\u2028' || c == '\u2029' || c == '\r') {
				out.append('\n');
			}
			else if (!isDisguise(c)) {
				out.append(c);
			}
		}
		return Normalizer.normalize(out, Normalizer.Form.NFC);
	}

	private static boolean isDisguise(char c) {
		boolean control = Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t';
		boolean bidiControl = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
		boolean annotation = c >= '\uFFF9' && c <= '\uFFFB';
		return control || bidiControl || annotation;
	}

}
