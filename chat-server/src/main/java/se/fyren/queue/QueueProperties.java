package se.fyren.queue;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The queues a service offers and the categorical pre-chat answers it accepts.
 *
 * @param definitions one queue per target group
 * @param ageBands accepted age bands, in display order
 * @param languages accepted language codes, in display order
 */
@ConfigurationProperties("fyren.queue")
public record QueueProperties(List<Definition> definitions, List<String> ageBands, List<String> languages) {

	public QueueProperties {
		definitions = (definitions != null) ? List.copyOf(definitions) : List.of();
		ageBands = (ageBands != null) ? List.copyOf(ageBands) : List.of();
		languages = (languages != null) ? List.copyOf(languages) : List.of();
	}

	/**
	 * One queue.
	 *
	 * @param id stable id used in the protocol, e.g. {@code sells-sex}
	 * @param labels what visitors see, per language code
	 */
	public record Definition(String id, Map<String, String> labels) {
	}

}
