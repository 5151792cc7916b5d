package se.fyren.system;

/**
 * What a client receives on {@code /user/queue/errors}.
 *
 * @param code stable code, see {@link ErrorCode}
 * @param message English prose for developers
 */
public record ErrorPayload(ErrorCode code, String message) {

	public static ErrorPayload of(FyrenException ex) {
		return new ErrorPayload(ex.code(), ex.getMessage());
	}

}
