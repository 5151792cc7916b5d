package se.fyren.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import se.fyren.ratelimit.ClientAddressKeys;
import se.fyren.ratelimit.Decision;
import se.fyren.ratelimit.Limit;
import se.fyren.ratelimit.RateLimits;
import se.fyren.system.ErrorCode;
import se.fyren.system.ErrorPayload;

/**
 * Limits login attempts per client address, and locks a username for a while
 * after repeated wrong passwords. A refused attempt is answered with 429,
 * {@code RATE_LIMITED} and {@code Retry-After} before the password is even
 * checked, whether or not the username exists.
 * <p>
 * The lockout is per username, so spreading guesses over many addresses does
 * not help; the price is that someone can lock a known username out for the
 * lockout period, which a supervisor can ride out.
 */
@Component
class LoginThrottle extends OncePerRequestFilter {

	private static final int LONGEST_USERNAME = 100;

	private final RateLimits limits;

	private final ClientAddressKeys addresses;

	LoginThrottle(RateLimits limits, ClientAddressKeys addresses) {
		this.limits = limits;
		this.addresses = addresses;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Decision perAddress = this.limits.tryAcquire(Limit.STAFF_LOGIN, this.addresses.keyOf(request));
		Decision perUser = perAddress.allowed()
				? this.limits.peek(Limit.STAFF_LOGIN_FAILURE, usernameKey(request.getParameter("username")))
				: perAddress;
		if (!perUser.allowed()) {
			ErrorPayload refusal = new ErrorPayload(ErrorCode.RATE_LIMITED, "Too many login attempts; try again later",
					ErrorPayload.seconds(perUser.retryAfter()));
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refusal.retryAfterSeconds()));
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter()
				.write("{\"code\":\"RATE_LIMITED\",\"message\":\"" + refusal.message() + "\",\"retryAfterSeconds\":"
						+ refusal.retryAfterSeconds() + "}");
			return;
		}
		chain.doFilter(request, response);
	}

	@EventListener
	void wrongPassword(AuthenticationFailureBadCredentialsEvent event) {
		this.limits.spend(Limit.STAFF_LOGIN_FAILURE, usernameKey(event.getAuthentication().getName()));
	}

	/** Usernames are compared as typed, but one very long name must not make a very long key. */
	private static String usernameKey(String username) {
		String name = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
		return (name.length() > LONGEST_USERNAME) ? name.substring(0, LONGEST_USERNAME) : name;
	}

}
