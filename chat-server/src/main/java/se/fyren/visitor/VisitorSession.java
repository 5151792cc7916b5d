package se.fyren.visitor;

import java.time.Instant;

/**
 * An anonymous visitor as the server knows them: an opaque id and the hash of
 * their token. Nothing else about the person.
 *
 * @param id opaque id, used as the STOMP user name
 * @param tokenHash SHA-256 of the token, hex
 * @param lastSeen last time the visitor connected, for expiry
 */
public record VisitorSession(String id, String tokenHash, Instant lastSeen) {

	VisitorSession seenAt(Instant now) {
		return new VisitorSession(this.id, this.tokenHash, now);
	}

}
