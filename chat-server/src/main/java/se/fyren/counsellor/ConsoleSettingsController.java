package se.fyren.counsellor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's per-service settings: outcome categories, canned responses
 * and referral cards.
 */
@RestController
class ConsoleSettingsController {

	private final ConsoleProperties properties;

	ConsoleSettingsController(ConsoleProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/api/staff/console")
	ConsoleProperties settings() {
		return this.properties;
	}

}
