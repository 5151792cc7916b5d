package se.fyren.system;

import java.time.Duration;

/**
 * A refusal that reaches the client as an {@link ErrorPayload}. The message is
 * developer prose and must never contain visitor text or identity.
 */
public class FyrenException extends RuntimeException {

	private final ErrorCode code;

	private final Duration retryAfter;

	public FyrenException(ErrorCode code, String message) {
		this(code, message, null);
	}

	/** A refusal the client may try again after the given time, such as {@link ErrorCode#RATE_LIMITED}. */
	public FyrenException(ErrorCode code, String message, Duration retryAfter) {
		super(message, null, false, false);
		this.code = code;
		this.retryAfter = retryAfter;
	}

	public ErrorCode code() {
		return this.code;
	}

	/** When the client may try again, or null when trying again will not help. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
