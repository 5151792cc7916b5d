package se.fyren.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The configured queues and pre-chat categories, checked at startup: unique
 * ids, a separated side on every queue, valid opening hours.
 */
@Component
public class QueueCatalog {

	private final QueueProperties properties;

	private final Map<String, QueueProperties.Definition> byId;

	private final Map<String, Side> sides;

	private final Map<String, OpeningHours> hours;

	QueueCatalog(QueueProperties properties) {
		Assert.notEmpty(properties.definitions(), "Configure at least one queue in fyren.queue.definitions");
		this.properties = properties;
		Map<String, QueueProperties.Definition> byId = new LinkedHashMap<>();
		Map<String, Side> sides = new LinkedHashMap<>();
		Map<String, OpeningHours> hours = new LinkedHashMap<>();
		for (QueueProperties.Definition definition : properties.definitions()) {
			Assert.hasText(definition.id(), "Every queue needs an id");
			Assert.isTrue(byId.put(definition.id(), definition) == null, "Queue ids must be unique");
			Assert.notNull(definition.side(), () -> "Queue " + definition.id()
					+ " needs a side (EXPLOITED, BUYERS or GENERAL): separated groups are never mixed");
			sides.put(definition.id(), definition.side());
			try {
				hours.put(definition.id(), OpeningHours.of(definition.hours()));
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("Queue " + definition.id() + ": " + ex.getMessage(), ex);
			}
		}
		this.byId = Map.copyOf(byId);
		this.sides = Map.copyOf(sides);
		this.hours = Map.copyOf(hours);
	}

	public boolean exists(String queueId) {
		return queueId != null && this.byId.containsKey(queueId);
	}

	public List<QueueProperties.Definition> definitions() {
		return this.properties.definitions();
	}

	public Optional<QueueProperties.Definition> definition(String queueId) {
		return Optional.ofNullable(queueId).map(this.byId::get);
	}

	/** Every queue's separated side, for {@link Separation}. */
	public Map<String, Side> sides() {
		return this.sides;
	}

	public Set<String> ids() {
		return this.byId.keySet();
	}

	public OpeningHours hours(String queueId) {
		return this.hours.getOrDefault(queueId, OpeningHours.always());
	}

	public boolean isOpen(String queueId, Instant at) {
		return hours(queueId).isOpen(at);
	}

	public List<QueueProperties.Alternative> alternatives() {
		return this.properties.alternatives();
	}

	public boolean acceptsAgeBand(String ageBand) {
		return ageBand == null || this.properties.ageBands().contains(ageBand);
	}

	public boolean acceptsLanguage(String language) {
		return language == null || this.properties.languages().contains(language);
	}

	public boolean acceptsGender(String gender) {
		return gender == null || this.properties.genders().contains(gender);
	}

	public boolean acceptsMunicipality(String municipality) {
		return municipality == null || municipalities().contains(municipality);
	}

	public List<String> genders() {
		return this.properties.genders();
	}

	/** The service's municipalities, then "other"; empty when the service asks for none. */
	public List<String> municipalities() {
		if (this.properties.municipalities().isEmpty()) {
			return List.of();
		}
		List<String> all = new ArrayList<>(this.properties.municipalities());
		all.add(QueueProperties.OTHER_MUNICIPALITY);
		return List.copyOf(all);
	}

	public List<String> ageBands() {
		return this.properties.ageBands();
	}

	public List<String> languages() {
		return this.properties.languages();
	}

}
