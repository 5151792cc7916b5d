package se.fyren.queue;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The queues and pre-chat categories, for the widget's pre-chat form.
 */
@RestController
class QueueCatalogController {

	private final QueueCatalog catalog;

	QueueCatalogController(QueueCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/api/queues")
	Catalog catalog() {
		return new Catalog(this.catalog.definitions(), this.catalog.ageBands(), this.catalog.languages());
	}

	record Catalog(List<QueueProperties.Definition> queues, List<String> ageBands, List<String> languages) {
	}

}
