package se.fyren.queue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The configured queues and pre-chat categories.
 */
@Component
public class QueueCatalog {

	private final QueueProperties properties;

	private final Set<String> ids;

	QueueCatalog(QueueProperties properties) {
		Assert.notEmpty(properties.definitions(), "Configure at least one queue in fyren.queue.definitions");
		this.properties = properties;
		this.ids = properties.definitions()
			.stream()
			.map(QueueProperties.Definition::id)
			.collect(Collectors.toUnmodifiableSet());
		Assert.isTrue(this.ids.size() == properties.definitions().size(), "Queue ids must be unique");
	}

	public boolean exists(String queueId) {
		return queueId != null && this.ids.contains(queueId);
	}

	public List<QueueProperties.Definition> definitions() {
		return this.properties.definitions();
	}

	public boolean acceptsAgeBand(String ageBand) {
		return ageBand == null || this.properties.ageBands().contains(ageBand);
	}

	public boolean acceptsLanguage(String language) {
		return language == null || this.properties.languages().contains(language);
	}

	public List<String> ageBands() {
		return this.properties.ageBands();
	}

	public List<String> languages() {
		return this.properties.languages();
	}

}
