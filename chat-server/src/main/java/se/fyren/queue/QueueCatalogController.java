package se.fyren.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The queues and pre-chat categories, for the widget's pre-chat form: whether
 * each queue is open now, when a closed one opens, and where to turn now.
 */
@RestController
class QueueCatalogController {

	private final QueueCatalog catalog;

	private final Clock clock;

	QueueCatalogController(QueueCatalog catalog, Clock clock) {
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping("/api/queues")
	Catalog catalog() {
		Instant now = this.clock.instant();
		List<QueueEntry> queues = this.catalog.definitions()
			.stream()
			.map((definition) -> new QueueEntry(definition.id(), definition.labels(),
					this.catalog.isOpen(definition.id(), now),
					this.catalog.hours(definition.id()).nextOpening(now).orElse(null), definition.letterbox()))
			.toList();
		return new Catalog(queues, this.catalog.ageBands(), this.catalog.languages(), this.catalog.alternatives(),
				this.catalog.genders(), this.catalog.municipalities());
	}

	record Catalog(List<QueueEntry> queues, List<String> ageBands, List<String> languages,
			List<QueueProperties.Alternative> alternatives, List<String> genders, List<String> municipalities) {
	}

	record QueueEntry(String id, Map<String, String> labels, boolean open, Instant opensAt, boolean letterbox) {
	}

}
