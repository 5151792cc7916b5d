package se.fyren.audit;

import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log for supervisors and admins (the security configuration
 * limits {@code /api/audit/**} to them). Reading it is itself audited.
 */
@RestController
class AuditController {

	private static final int MOST = 1000;

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/api/audit")
	ResponseEntity<List<AuditEntry>> latest(@RequestParam(defaultValue = "100") int limit, Authentication reader) {
		List<AuditEntry> entries = this.log.latest(Math.max(1, Math.min(limit, MOST)));
		this.log.record(reader.getName(), AuditAction.READ_AUDIT_LOG, null);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(entries);
	}

}
