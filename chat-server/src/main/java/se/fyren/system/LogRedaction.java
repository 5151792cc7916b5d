package se.fyren.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last line of defence for the privacy rules: masks what looks like a
 * secret token, an IP address or a user agent in any log line, whoever wrote
 * it. Fyren's own code logs none of these; this catches a library, an
 * exception message or a future mistake that would.
 * <p>
 * Chat ids (22 characters) stay readable; tokens (43), session ids and other
 * long random strings do not.
 */
public final class LogRedaction {

	/** What a masked value is replaced with. */
	public static final String MASK = "[redacted]";

	/** Long runs of base64url or hex with both letters and digits: tokens, session ids, hashes. */
	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_+/=-]{30,}");

	private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\d.])");

	/** Candidates only; {@link #looksLikeIpv6} decides. */
	private static final Pattern IPV6 = Pattern.compile("(?<![0-9A-Za-z:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%\\w+)?(?![0-9A-Za-z:])");

	private static final Pattern USER_AGENT = Pattern.compile("(?:Mozilla|Opera|Dalvik|curl|Wget|python-requests|okhttp|Java-http-client)/[^\\r\\n\"]*");

	private LogRedaction() {
	}

	/** The text with every token-, address- and user-agent-like part masked. */
	public static String redact(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String result = USER_AGENT.matcher(text).replaceAll(MASK);
		result = replace(TOKEN, result, LogRedaction::looksLikeToken);
		result = IPV4.matcher(result).replaceAll(MASK);
		return replace(IPV6, result, LogRedaction::looksLikeIpv6);
	}

	private static String replace(Pattern pattern, String text, java.util.function.Predicate<String> when) {
		Matcher matcher = pattern.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (matcher.find()) {
			matcher.appendReplacement(out, when.test(matcher.group()) ? MASK : Matcher.quoteReplacement(matcher.group()));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static boolean looksLikeToken(String candidate) {
		return candidate.chars().anyMatch(Character::isDigit) && candidate.chars().anyMatch(Character::isLetter);
	}

	private static boolean looksLikeIpv6(String candidate) {
		long colons = candidate.chars().filter((c) -> c == ':').count();
		return candidate.contains("::") || colons >= 5
				|| (colons >= 2 && candidate.chars().anyMatch((c) -> "abcdefABCDEF".indexOf(c) >= 0));
	}

}
