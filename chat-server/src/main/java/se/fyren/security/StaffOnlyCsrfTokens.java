package se.fyren.security;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security's masked CSRF tokens, offered to staff pages only. On
 * visitor paths no token is exposed: the WebSocket handshake would otherwise
 * copy one into the connection and, in doing so, open an HTTP session for
 * every anonymous visitor.
 */
final class StaffOnlyCsrfTokens implements CsrfTokenRequestHandler {

	private final XorCsrfTokenRequestAttributeHandler delegate = new XorCsrfTokenRequestAttributeHandler();

	private final RequestMatcher visitorPaths;

	StaffOnlyCsrfTokens(RequestMatcher visitorPaths) {
		this.visitorPaths = visitorPaths;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
		if (!this.visitorPaths.matches(request)) {
			this.delegate.handle(request, response, csrfToken);
		}
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
		return this.delegate.resolveCsrfTokenValue(request, csrfToken);
	}

}
