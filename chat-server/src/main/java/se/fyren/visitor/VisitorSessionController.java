package se.fyren.visitor;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import se.fyren.ratelimit.ClientAddressKeys;
import se.fyren.ratelimit.Limit;
import se.fyren.ratelimit.RateLimits;

/**
 * Hands a new visitor their token. It travels in a response body, never in a
 * URL, so it stays out of access logs and browser history.
 */
@RestController
class VisitorSessionController {

	private final VisitorRegistry registry;

	private final RateLimits limits;

	private final ClientAddressKeys addresses;

	VisitorSessionController(VisitorRegistry registry, RateLimits limits, ClientAddressKeys addresses) {
		this.registry = registry;
		this.limits = limits;
		this.addresses = addresses;
	}

	@PostMapping("/api/visitor/sessions")
	ResponseEntity<NewSession> open(HttpServletRequest request) {
		this.limits.check(Limit.VISITOR_SESSION, this.addresses.keyOf(request));
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(new NewSession(this.registry.open()));
	}

	record NewSession(String token) {
	}

}
