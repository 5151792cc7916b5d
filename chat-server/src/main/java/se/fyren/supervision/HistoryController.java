package se.fyren.supervision;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Hourly history of a queue for planning staffing: arrivals, waits,
 * abandonment and counsellors on duty, for whole local days.
 */
@RestController
class HistoryController {

	private static final int MAX_DAYS = 62;

	private final QueueStatistics statistics;

	private final QueueFloor floor;

	private final SupervisionProperties properties;

	HistoryController(QueueStatistics statistics, QueueFloor floor, SupervisionProperties properties) {
		this.statistics = statistics;
		this.floor = floor;
		this.properties = properties;
	}

	@GetMapping("/api/supervision/history")
	History history(@RequestParam String queue, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		if (!this.floor.queues().contains(queue)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such queue");
		}
		if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from..to must span 1 to " + MAX_DAYS + " days");
		}
		ZoneId zone = this.properties.zone();
		Instant start = from.atStartOfDay(zone).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
		Map<Instant, HourFigures> recorded = this.statistics.hours(queue, start, end)
			.stream()
			.collect(Collectors.toMap(HourFigures::hour, Function.identity()));
		// Every hour of the period, quiet ones as zero, so charts need no calendar of their own.
		List<Hour> hours = new ArrayList<>();
		for (Instant hour = start; hour.isBefore(end); hour = hour.plus(Duration.ofHours(1))) {
			hours.add(hour(recorded.getOrDefault(hour, new HourFigures(hour, 0, List.of(), 0, 0, Map.of()))));
		}
		return new History(queue, zone.getId(), this.properties.targetOf(queue).toSeconds(), hours);
	}

	private static Hour hour(HourFigures figures) {
		Duration median = WaitPercentiles.of(figures.answeredWaits(), 0.5);
		Duration p90 = WaitPercentiles.of(figures.answeredWaits(), 0.9);
		return new Hour(figures.hour(), figures.arrivals(), figures.answeredWaits().size(), figures.abandoned(),
				(median != null) ? median.toSeconds() : null, (p90 != null) ? p90.toSeconds() : null,
				figures.maxOnDuty());
	}

	record History(String queue, String zone, long targetSeconds, List<Hour> hours) {
	}

	record Hour(Instant hour, int arrivals, int answered, int abandoned, Long medianWaitSeconds, Long p90WaitSeconds,
			int maxOnDuty) {
	}

}
