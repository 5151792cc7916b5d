package se.fyren.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * CSRF tokens kept in the HTTP session, for staff only. On visitor paths a
 * token is never stored: the WebSocket handshake asks for one to copy into
 * the connection, and storing it would open an HTTP session (and set a
 * cookie) for every anonymous visitor. Visitors have no ambient credential
 * for a forged request to ride on, so they need no token.
 */
final class StaffOnlyCsrfTokenRepository implements CsrfTokenRepository {

	private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

	private final RequestMatcher visitorPaths;

	StaffOnlyCsrfTokenRepository(RequestMatcher visitorPaths) {
		this.visitorPaths = visitorPaths;
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return this.sessions.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (!this.visitorPaths.matches(request)) {
			this.sessions.saveToken(token, request, response);
		}
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return this.visitorPaths.matches(request) ? null : this.sessions.loadToken(request);
	}

}
