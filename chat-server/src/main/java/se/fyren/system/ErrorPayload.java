package se.fyren.system;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a client receives on {@code /user/queue/errors}.
 *
 * @param code stable code, see {@link ErrorCode}
 * @param message English prose for developers
 * @param retryAfterSeconds for {@link ErrorCode#RATE_LIMITED}: whole seconds
 * until trying again can succeed; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorPayload(ErrorCode code, String message, Long retryAfterSeconds) {

	public ErrorPayload(ErrorCode code, String message) {
		this(code, message, null);
	}

	public static ErrorPayload of(FyrenException ex) {
		return new ErrorPayload(ex.code(), ex.getMessage(), seconds(ex.retryAfter()));
	}

	/** Whole seconds, rounded up, so a client that waits that long is never early. */
	public static Long seconds(Duration duration) {
		if (duration == null) {
			return null;
		}
		long seconds = duration.toSeconds();
		return (duration.minusSeconds(seconds).isZero()) ? Math.max(seconds, 1) : seconds + 1;
	}

}
