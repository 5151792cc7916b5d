package se.fyren.letterbox;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import se.fyren.ratelimit.ClientAddressKeys;
import se.fyren.ratelimit.Limit;
import se.fyren.ratelimit.RateLimits;
import se.fyren.system.ErrorCode;
import se.fyren.system.ErrorPayload;
import se.fyren.system.FyrenException;

/**
 * The letterbox over HTTP for visitors: no session, no cookie. Answers are
 * never cached. Leaving and reading letters share one
 * rate limit per client address.
 */
@RestController
class LetterboxController {

	private final LetterboxDesk desk;

	private final RateLimits limits;

	private final ClientAddressKeys addresses;

	LetterboxController(LetterboxDesk desk, RateLimits limits, ClientAddressKeys addresses) {
		this.desk = desk;
		this.limits = limits;
		this.addresses = addresses;
	}

	@PostMapping("/api/letterbox")
	ResponseEntity<Posted> post(@RequestBody NewLetter letter, HttpServletRequest request) {
		this.limits.check(Limit.LETTERBOX, this.addresses.keyOf(request));
		String code = this.desk.post(letter.queue(), letter.text(), letter.language());
		return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(new Posted(code));
	}

	@GetMapping("/api/letterbox/{pickupCode}")
	ResponseEntity<Reply> read(@PathVariable String pickupCode, HttpServletRequest request) {
		// Reading shares the letterbox budget, so pickup codes can't be tried at speed.
		this.limits.check(Limit.LETTERBOX, this.addresses.keyOf(request));
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
		ErrorPayload payload = ErrorPayload.of(ex);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status).cacheControl(CacheControl.noStore());
		if (payload.retryAfterSeconds() != null) {
			response.header(HttpHeaders.RETRY_AFTER, String.valueOf(payload.retryAfterSeconds()));
		}
		return response.body(payload);
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
