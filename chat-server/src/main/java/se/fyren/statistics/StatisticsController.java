package se.fyren.statistics;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.fyren.audit.AuditAction;
import se.fyren.audit.AuditLog;

/**
 * The anonymous statistics as CSV for supervisors (the security configuration
 * limits {@code /api/statistics/**} to them). Exporting is audited.
 */
@RestController
class StatisticsController {

	private final DailyCounts counts;

	private final AuditLog audit;

	StatisticsController(DailyCounts counts, AuditLog audit) {
		this.counts = counts;
		this.audit = audit;
	}

	@GetMapping("/api/statistics/daily.csv")
	ResponseEntity<String> daily(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Authentication reader) {
		if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
			return ResponseEntity.badRequest().body("from must not be after to, and at most 366 days apart\n");
		}
		List<DailyCounts.Cell> cells = this.counts.between(from, to)
			.stream()
			.sorted(Comparator.comparing(DailyCounts.Cell::day)
				.thenComparing(DailyCounts.Cell::queue)
				.thenComparing(DailyCounts.Cell::category)
				.thenComparing(DailyCounts.Cell::value))
			.toList();
		this.audit.record(reader.getName(), AuditAction.EXPORT, null);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"fyren-statistics-" + from + "-" + to + ".csv\"")
			.body(StatisticsTable.csv(cells));
	}

}
