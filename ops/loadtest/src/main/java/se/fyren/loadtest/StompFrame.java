package se.fyren.loadtest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One STOMP 1.2 frame, as text. The harness writes and reads frames itself
 * rather than through a STOMP library, so Fyren and the raw echo server see
 * exactly the same bytes from the same client.
 *
 * @param command CONNECT, SEND, MESSAGE, ...
 * @param headers header names and values, in order
 * @param body the body, empty for none
 */
record StompFrame(String command, Map<String, String> headers, String body) {

	static StompFrame of(String command, String... headerNamesAndValues) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 0; i < headerNamesAndValues.length; i += 2) {
			headers.put(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
		}
		return new StompFrame(command, headers, "");
	}

	/** A SEND of a JSON body. */
	static StompFrame send(String destination, String json) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("destination", destination);
		headers.put("content-type", "application/json");
		return new StompFrame("SEND", headers, json);
	}

	String encode() {
		StringBuilder text = new StringBuilder(this.command.length() + this.body.length() + 64);
		text.append(this.command).append('\n');
		this.headers.forEach((name, value) -> text.append(name).append(':').append(value).append('\n'));
		return text.append('\n').append(this.body).append('\0').toString();
	}

	/** Parses one frame; null for a heartbeat (a bare end of line). */
	static StompFrame parse(String text) {
		int start = 0;
		while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
			start++;
		}
		if (start == text.length()) {
			return null;
		}
		int blank = text.indexOf("\n\n", start);
		if (blank < 0) {
			throw new IllegalArgumentException("Not a STOMP frame");
		}
		String[] lines = text.substring(start, blank).split("\n");
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.putIfAbsent(lines[i].substring(0, colon), lines[i].substring(colon + 1));
			}
		}
		int end = text.indexOf('\0', blank + 2);
		String body = text.substring(blank + 2, (end < 0) ? text.length() : end);
		return new StompFrame(lines[0].trim(), headers, body);
	}

}
