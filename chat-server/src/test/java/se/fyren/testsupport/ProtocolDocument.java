package se.fyren.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/**
 * The destinations of {@code docs/stomp-api.asyncapi.yaml}, for tests that
 * must cover every one of them (a new destination is covered as soon as it
 * is documented, and ProtocolDocumentTests makes sure it is).
 */
public final class ProtocolDocument {

	private static final Path DOCUMENT = Path.of("..", "docs", "stomp-api.asyncapi.yaml");

	private final Map<String, Object> document;

	private ProtocolDocument(Map<String, Object> document) {
		this.document = document;
	}

	public static ProtocolDocument read() {
		try (Reader reader = Files.newBufferedReader(DOCUMENT)) {
			return new ProtocolDocument(new Yaml().load(reader));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One documented destination.
	 *
	 * @param address the STOMP destination
	 * @param namesAChat whether its payload carries a {@code chatId}
	 */
	public record Destination(String address, boolean namesAChat) {

		public boolean isSend() {
			return this.address.startsWith("/app/");
		}

		@Override
		public String toString() {
			return this.address;
		}

	}

	/** Every documented destination, SEND and SUBSCRIBE alike. */
	@SuppressWarnings("unchecked")
	public List<Destination> destinations() {
		Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) this.document.get("channels");
		return channels.values().stream().map((channel) -> {
			Map<String, Map<String, String>> messages = (Map<String, Map<String, String>>) channel.get("messages");
			boolean namesAChat = messages != null && messages.values()
				.stream()
				.map((ref) -> ref.get("$ref"))
				.anyMatch(this::payloadHasChatId);
			return new Destination((String) channel.get("address"), namesAChat);
		}).sorted(java.util.Comparator.comparing(Destination::address)).toList();
	}

	@SuppressWarnings("unchecked")
	private boolean payloadHasChatId(String ref) {
		Object node = this.document;
		for (String part : ref.substring(2).split("/")) {
			node = ((Map<String, Object>) node).get(part);
		}
		Map<String, Object> payload = (Map<String, Object>) ((Map<String, Object>) node).get("payload");
		Map<String, Object> properties = (payload != null) ? (Map<String, Object>) payload.get("properties") : null;
		return properties != null && properties.containsKey("chatId");
	}

}
