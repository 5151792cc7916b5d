package se.fyren.letterbox;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import se.fyren.system.ErrorCode;
import se.fyren.system.ErrorPayload;
import se.fyren.system.FyrenException;

/**
 * The letterbox over HTTP for visitors: no session, no cookie. Answers are
 * never cached. Rate limits come from a {@link LetterboxGuard} bean when one
 * exists.
 */
@RestController
class LetterboxController {

	private static final LetterboxGuard OPEN = new LetterboxGuard() {

		@Override
		public boolean allowPost(HttpServletRequest request) {
			return true;
		}

		@Override
		public boolean allowRead(HttpServletRequest request) {
			return true;
		}

	};

	private final LetterboxDesk desk;

	private final ObjectProvider<LetterboxGuard> guard;

	LetterboxController(LetterboxDesk desk, ObjectProvider<LetterboxGuard> guard) {
		this.desk = desk;
		this.guard = guard;
	}

	@PostMapping("/api/letterbox")
	ResponseEntity<Posted> post(@RequestBody NewLetter letter, HttpServletRequest request) {
		if (!this.guard.getIfAvailable(() -> OPEN).allowPost(request)) {
			throw new FyrenException(ErrorCode.RATE_LIMITED, "Too many letters; try again later");
		}
		String code = this.desk.post(letter.queue(), letter.text(), letter.language());
		return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(new Posted(code));
	}

	@GetMapping("/api/letterbox/{pickupCode}")
	ResponseEntity<Reply> read(@PathVariable String pickupCode, HttpServletRequest request) {
		if (!this.guard.getIfAvailable(() -> OPEN).allowRead(request)) {
			throw new FyrenException(ErrorCode.RATE_LIMITED, "Too many requests; try again later");
		}
		Letter letter = this.desk.read(pickupCode);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new Reply(letter.queue(), letter.sentAt(), letter.answered(), letter.answer(), letter.answeredAt()));
	}

	@ExceptionHandler
	ResponseEntity<ErrorPayload> refused(FyrenException ex) {
		HttpStatus status = switch (ex.code()) {
			case UNKNOWN_PICKUP_CODE -> HttpStatus.NOT_FOUND;
			case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
			case LETTERBOX_UNAVAILABLE -> HttpStatus.CONFLICT;
			case MESSAGE_TOO_LONG -> HttpStatus.CONTENT_TOO_LARGE;
			default -> HttpStatus.BAD_REQUEST;
		};
		return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(ErrorPayload.of(ex));
	}

	@ExceptionHandler
	ResponseEntity<ErrorPayload> unreadable(HttpMessageNotReadableException ex) {
		return ResponseEntity.badRequest()
			.body(new ErrorPayload(ErrorCode.INVALID_PAYLOAD, "The body is not JSON of the expected shape"));
	}

	record NewLetter(String queue, String text, String language) {
	}

	record Posted(String pickupCode) {
	}

	record Reply(String queue, Instant sentAt, boolean answered, String answer, Instant answeredAt) {
	}

}
