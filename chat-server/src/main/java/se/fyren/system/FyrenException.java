package se.fyren.system;

/**
 * A refusal that reaches the client as an {@link ErrorPayload}. The message is
 * developer prose and must never contain visitor text or identity.
 */
public class FyrenException extends RuntimeException {

	private final ErrorCode code;

	public FyrenException(ErrorCode code, String message) {
		super(message, null, false, false);
		this.code = code;
	}

	public ErrorCode code() {
		return this.code;
	}

}
