package se.fyren.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An HTTP request that needs the shared store while it cannot be reached gets
 * 503 with {@link ErrorCode#TEMPORARILY_UNAVAILABLE}, not a stack trace.
 */
@RestControllerAdvice
class StoreUnavailable {

	private static final Logger logger = LoggerFactory.getLogger(StoreUnavailable.class);

	@ExceptionHandler
	ResponseEntity<ErrorPayload> unavailable(DataAccessException ex) {
		logger.warn("The store could not be reached: {}", ex.getClass().getSimpleName());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(new ErrorPayload(ErrorCode.TEMPORARILY_UNAVAILABLE, "Temporarily unavailable; try again shortly"));
	}

}
