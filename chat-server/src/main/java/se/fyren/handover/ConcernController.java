package se.fyren.handover;

import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import se.fyren.audit.AuditAction;
import se.fyren.audit.AuditLog;
import se.fyren.system.ErrorCode;
import se.fyren.system.ErrorPayload;
import se.fyren.system.FyrenException;

/**
 * The supervisor's side of a report of concern (the security configuration
 * limits {@code /api/concerns/**} to supervisors): read the drafts, sign one
 * off. Reading a draft is audited.
 */
@RestController
class ConcernController {

	private final ConcernReports reports;

	private final AuditLog audit;

	ConcernController(ConcernReports reports, AuditLog audit) {
		this.reports = reports;
		this.audit = audit;
	}

	@GetMapping("/api/concerns")
	ResponseEntity<List<HandoverStatus>> awaitingSignOff() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(this.reports.awaitingSignOff());
	}

	@GetMapping("/api/concerns/{reference}")
	ResponseEntity<Handover> draft(@PathVariable String reference, Authentication reader) {
		Handover draft = this.reports.draftContent(reference);
		this.audit.record(reader.getName(), AuditAction.READ_HANDOVER, reference);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(draft);
	}

	@PostMapping("/api/concerns/{reference}/sign-off")
	ResponseEntity<HandoverStatus> signOff(@PathVariable String reference, Authentication supervisor) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(this.reports.signOff(reference, supervisor.getName()));
	}

	@ExceptionHandler
	ResponseEntity<ErrorPayload> refused(FyrenException ex) {
		HttpStatus status = (ex.code() == ErrorCode.FORBIDDEN) ? HttpStatus.FORBIDDEN
				: (ex.code() == ErrorCode.NO_SUCH_REPORT) ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
		return ResponseEntity.status(status).body(ErrorPayload.of(ex));
	}

}
