package se.fyren.staff;

import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is logged in, for the console.
 */
@RestController
class StaffController {

	private final StaffDirectory directory;

	StaffController(StaffDirectory directory) {
		this.directory = directory;
	}

	@GetMapping("/api/staff/me")
	Me me(Authentication authentication, CsrfToken csrf) {
		StaffProperties.Account account = this.directory.find(authentication.getName()).orElseThrow();
		List<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.map((authority) -> authority.replaceFirst("^ROLE_", ""))
			.sorted()
			.toList();
		return new Me(account.username(), account.displayName(), roles, account.queues(),
				new Csrf(csrf.getHeaderName(), csrf.getParameterName(), csrf.getToken()));
	}

	record Me(String username, String displayName, List<String> roles, Set<String> queues, Csrf csrf) {
	}

	record Csrf(String headerName, String parameterName, String token) {
	}

}
