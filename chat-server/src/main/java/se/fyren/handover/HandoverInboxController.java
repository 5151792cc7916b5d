package se.fyren.handover;

import java.time.Clock;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import se.fyren.audit.AuditAction;
import se.fyren.audit.AuditLog;
import se.fyren.handover.HandoverProperties.Unit;

/**
 * The case workers' inbox (the security configuration limits
 * {@code /api/handovers/**} to the CASE_WORKER role). It shows issued records
 * only: a report of concern appears once a supervisor signed it off. The list
 * shows no content; opening or printing a record is audited. Nothing here is cached.
 */
@RestController
class HandoverInboxController {

	private final HandoverRecords records;

	private final HandoverProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	HandoverInboxController(HandoverRecords records, HandoverProperties properties, AuditLog audit, Clock clock) {
		this.records = records;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/api/handovers")
	ResponseEntity<List<InboxEntry>> inbox() {
		return noStore(this.records.statuses().stream().filter(HandoverStatus::issued).map((status) -> new InboxEntry(status, unitName(status.unit()))).toList());
	}

	@GetMapping("/api/handovers/{reference}")
	ResponseEntity<Opened> open(@PathVariable String reference, Authentication reader) {
		Handover handover = content(reference);
		this.audit.record(reader.getName(), AuditAction.READ_HANDOVER, reference);
		return noStore(new Opened(handover, unitName(handover.unit()), status(reference)));
	}

	@GetMapping(path = "/api/handovers/{reference}/print", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> print(@PathVariable String reference, Authentication reader) {
		Handover handover = content(reference);
		this.audit.record(reader.getName(), AuditAction.READ_HANDOVER, reference);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.body(HandoverPrint.render(handover, unitName(handover.unit())));
	}

	@PostMapping("/api/handovers/{reference}/acknowledge")
	ResponseEntity<HandoverStatus> acknowledge(@PathVariable String reference, Authentication reader) {
		HandoverStatus status = status(reference).acknowledged(reader.getName(), this.clock.instant());
		this.records.update(status);
		this.audit.record(reader.getName(), AuditAction.ACKNOWLEDGE_HANDOVER, reference);
		return noStore(status);
	}

	private Handover content(String reference) {
		status(reference);
		return this.records.content(reference).orElseThrow(HandoverInboxController::notFound);
	}

	private HandoverStatus status(String reference) {
		return this.records.status(reference).filter(HandoverStatus::issued).orElseThrow(HandoverInboxController::notFound);
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such handover");
	}

	private String unitName(String unit) {
		Unit configured = this.properties.units().get(unit);
		return (configured != null) ? configured.name() : unit;
	}

	private static <T> ResponseEntity<T> noStore(T body) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

	/** One line of the inbox: the status, without content. */
	record InboxEntry(HandoverStatus status, String unitName) {
	}

	/** An opened record. */
	record Opened(Handover handover, String unitName, HandoverStatus status) {
	}

}
