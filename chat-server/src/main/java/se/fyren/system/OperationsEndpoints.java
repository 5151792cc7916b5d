package se.fyren.system;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The requests operators' tools make without logging in: everything on the
 * separate management port ({@code management.server.port}: health and
 * Prometheus metrics), and the liveness and readiness probes on the public
 * port. Without a separate management port, metrics are not served to
 * anyone: they tell an outsider how busy the service is.
 */
public final class OperationsEndpoints {

	private OperationsEndpoints() {
	}

	public static RequestMatcher matcher() {
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		return new OrRequestMatcher(OperationsEndpoints::onManagementPort, path.matcher("/livez"),
				path.matcher("/readyz"));
	}

	private static boolean onManagementPort(jakarta.servlet.http.HttpServletRequest request) {
		return WebServerApplicationContext.hasServerNamespace(
				WebApplicationContextUtils.getWebApplicationContext(request.getServletContext()), "management");
	}

}
