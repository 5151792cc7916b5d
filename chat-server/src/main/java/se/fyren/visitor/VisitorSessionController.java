package se.fyren.visitor;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hands a new visitor their token. It travels in a response body, never in a
 * URL, so it stays out of access logs and browser history.
 */
@RestController
class VisitorSessionController {

	private final VisitorRegistry registry;

	VisitorSessionController(VisitorRegistry registry) {
		this.registry = registry;
	}

	@PostMapping("/api/visitor/sessions")
	ResponseEntity<NewSession> open() {
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(new NewSession(this.registry.open()));
	}

	record NewSession(String token) {
	}

}
