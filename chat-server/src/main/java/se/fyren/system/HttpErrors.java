package se.fyren.system;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns a {@link FyrenException} from an HTTP endpoint into
 * {@code {"code": ..., "message": ...}} with a fitting status;
 * {@code RATE_LIMITED} is 429 with a {@code Retry-After} header.
 */
@RestControllerAdvice
class HttpErrors {

	@ExceptionHandler
	ResponseEntity<ErrorPayload> refused(FyrenException ex) {
		ErrorPayload payload = ErrorPayload.of(ex);
		if (ex.code() == ErrorCode.RATE_LIMITED) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(payload.retryAfterSeconds()))
				.body(payload);
		}
		HttpStatus status = switch (ex.code()) {
			case FORBIDDEN, NOT_A_PARTICIPANT -> HttpStatus.FORBIDDEN;
			case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
			default -> HttpStatus.BAD_REQUEST;
		};
		return ResponseEntity.status(status).body(payload);
	}

}
