package se.fyren.ratelimit;

/**
 * The named limits. Each has a budget in {@link RateLimitProperties} and an
 * explicit choice for when the shared store (Redis) cannot be reached:
 * fail open (allow) where refusing would shut out people in need, fail
 * closed (refuse) where allowing would let an attacker guess passwords.
 */
public enum Limit {

	/** New visitor sessions per client address. */
	VISITOR_SESSION(false),
	/** Queue joins per visitor session. */
	QUEUE_JOIN(false),
	/** Messages per chat, both sides together. */
	CHAT_MESSAGE(false),
	/** STOMP frames per WebSocket connection (always counted on the node holding the connection). */
	CONNECTION_FRAMES(false),
	/** Letterbox submissions per client address. */
	LETTERBOX(false),
	/** Staff login attempts per client address. */
	STAFF_LOGIN(true),
	/** Failed logins per username; an empty budget locks the account for a while. */
	STAFF_LOGIN_FAILURE(true);

	private final boolean failClosed;

	Limit(boolean failClosed) {
		this.failClosed = failClosed;
	}

	/** Whether to refuse when the shared store cannot be reached. */
	public boolean failClosed() {
		return this.failClosed;
	}

}
