package se.fyren.transport;

import java.security.Principal;

/**
 * The identity of a connected visitor: an opaque id, never the token. The
 * prefix keeps visitor names apart from staff usernames, which may not
 * contain a colon.
 *
 * @param visitorId opaque random id of the visitor session
 */
public record VisitorPrincipal(String visitorId) implements Principal {

	private static final String PREFIX = "visitor:";

	public static String nameOf(String visitorId) {
		return PREFIX + visitorId;
	}

	@Override
	public String getName() {
		return nameOf(this.visitorId);
	}

}
