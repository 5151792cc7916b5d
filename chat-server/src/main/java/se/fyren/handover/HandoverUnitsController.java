package se.fyren.handover;

import java.util.Comparator;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The receiving units a counsellor may propose a handover to, for the
 * console's case tools (under {@code /api/staff/}, so for counsellors and
 * supervisors). Webhook addresses and secrets are not shown.
 */
@RestController
class HandoverUnitsController {

	private final HandoverProperties properties;

	HandoverUnitsController(HandoverProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/api/staff/handover-units")
	List<UnitView> units() {
		return this.properties.units()
			.entrySet()
			.stream()
			.filter((unit) -> !unit.getKey().equals(this.properties.concernUnit()))
			.map((unit) -> new UnitView(unit.getKey(), unit.getValue().name()))
			.sorted(Comparator.comparing(UnitView::name))
			.toList();
	}

	record UnitView(String id, String name) {
	}

}
