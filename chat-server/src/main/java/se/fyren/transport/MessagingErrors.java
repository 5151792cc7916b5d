package se.fyren.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.support.MethodArgumentNotValidException;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.web.bind.annotation.ControllerAdvice;

import se.fyren.system.ErrorCode;
import se.fyren.system.ErrorPayload;
import se.fyren.system.FyrenException;

/**
 * Turns exceptions from any {@code @MessageMapping} into an error payload for
 * the sending session only. The connection stays open.
 */
@ControllerAdvice
class MessagingErrors {

	private static final Logger logger = LoggerFactory.getLogger(MessagingErrors.class);

	private static final String ERRORS = "/queue/errors";

	@MessageExceptionHandler
	@SendToUser(destinations = ERRORS, broadcast = false)
	ErrorPayload refused(FyrenException ex) {
		return ErrorPayload.of(ex);
	}

	@MessageExceptionHandler
	@SendToUser(destinations = ERRORS, broadcast = false)
	ErrorPayload unreadable(MessageConversionException ex) {
		return new ErrorPayload(ErrorCode.MALFORMED_PAYLOAD, "The body is not JSON of the expected shape");
	}

	@MessageExceptionHandler
	@SendToUser(destinations = ERRORS, broadcast = false)
	ErrorPayload missing(MethodArgumentNotValidException ex) {
		return new ErrorPayload(ErrorCode.INVALID_PAYLOAD, "A body is required");
	}

	@MessageExceptionHandler
	@SendToUser(destinations = ERRORS, broadcast = false)
	ErrorPayload unavailable(DataAccessException ex) {
		logger.warn("The store could not be reached handling a frame: {}", ex.getClass().getSimpleName());
		return new ErrorPayload(ErrorCode.TEMPORARILY_UNAVAILABLE, "Temporarily unavailable; try again shortly");
	}

	@MessageExceptionHandler
	@SendToUser(destinations = ERRORS, broadcast = false)
	ErrorPayload unexpected(Exception ex) {
		// The exception type only: its message could quote a payload.
		logger.error("Unexpected failure handling a frame: {}", ex.getClass().getName());
		return new ErrorPayload(ErrorCode.INTERNAL_ERROR, "Something went wrong; try again");
	}

}
