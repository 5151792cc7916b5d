package se.fyren.queue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a queue is open: a weekly schedule plus dated exceptions (holidays), in
 * one time zone. Read from {@link QueueProperties.Hours}.
 */
public final class OpeningHours {

	private static final OpeningHours ALWAYS = new OpeningHours(ZoneId.of("Europe/Stockholm"), null, Map.of());

	/** How far ahead {@link #nextOpening} looks. */
	private static final int LOOKAHEAD_DAYS = 60;

	private final ZoneId zone;

	private final Map<DayOfWeek, List<Span>> weekly;

	private final Map<LocalDate, List<Span>> dated;

	private OpeningHours(ZoneId zone, Map<DayOfWeek, List<Span>> weekly, Map<LocalDate, List<Span>> dated) {
		this.zone = zone;
		this.weekly = weekly;
		this.dated = dated;
	}

	/** Open around the clock. */
	public static OpeningHours always() {
		return ALWAYS;
	}

	/** Parses configured hours; null means always open. */
	public static OpeningHours of(QueueProperties.Hours hours) {
		if (hours == null) {
			return ALWAYS;
		}
		ZoneId zone = ZoneId.of((hours.zone() != null) ? hours.zone() : "Europe/Stockholm");
		Map<DayOfWeek, List<Span>> weekly = new EnumMap<>(DayOfWeek.class);
		hours.weekly().forEach((day, spans) -> weekly.put(day, spans(spans)));
		Map<LocalDate, List<Span>> dated = new HashMap<>();
		for (QueueProperties.DatedHours exception : hours.exceptions()) {
			if (exception.date() == null) {
				throw new IllegalArgumentException("Every opening-hours exception needs a date");
			}
			dated.put(exception.date(), spans(exception.open()));
		}
		return new OpeningHours(zone, weekly, dated);
	}

	private static List<Span> spans(List<String> texts) {
		List<Span> spans = new ArrayList<>();
		for (String text : texts) {
			spans.add(Span.parse(text));
		}
		return List.copyOf(spans);
	}

	/** Whether the queue is open at the instant. */
	public boolean isOpen(Instant at) {
		if (this.weekly == null) {
			return true;
		}
		LocalDateTime local = LocalDateTime.ofInstant(at, this.zone);
		return spansOn(local.toLocalDate()).stream().anyMatch((span) -> span.contains(local.toLocalTime()));
	}

	/** The next instant after {@code at} when a closed queue opens; empty when open or never. */
	public Optional<Instant> nextOpening(Instant at) {
		if (isOpen(at)) {
			return Optional.empty();
		}
		LocalDateTime local = LocalDateTime.ofInstant(at, this.zone);
		for (int day = 0; day <= LOOKAHEAD_DAYS; day++) {
			LocalDate date = local.toLocalDate().plusDays(day);
			Optional<LocalTime> start = spansOn(date).stream()
				.map(Span::start)
				.filter((time) -> !date.equals(local.toLocalDate()) || time.isAfter(local.toLocalTime()))
				.min(LocalTime::compareTo);
			if (start.isPresent()) {
				return Optional.of(ZonedDateTime.of(date, start.get(), this.zone).toInstant());
			}
		}
		return Optional.empty();
	}

	private List<Span> spansOn(LocalDate date) {
		List<Span> exception = this.dated.get(date);
		if (exception != null) {
			return exception;
		}
		return this.weekly.getOrDefault(date.getDayOfWeek(), List.of());
	}

	/** One opening span within a day; an end of 24:00 means midnight. */
	private record Span(LocalTime start, LocalTime end, boolean untilMidnight) {

		static Span parse(String text) {
			String[] parts = (text != null) ? text.strip().split("-") : new String[0];
			if (parts.length != 2) {
				throw new IllegalArgumentException("Opening hours look like 09:00-16:00, not " + text);
			}
			LocalTime start = LocalTime.parse(parts[0].strip());
			boolean midnight = parts[1].strip().equals("24:00");
			LocalTime end = midnight ? LocalTime.MAX : LocalTime.parse(parts[1].strip());
			if (!end.isAfter(start)) {
				throw new IllegalArgumentException("Opening hours must end after they start: " + text);
			}
			return new Span(start, end, midnight);
		}

		boolean contains(LocalTime time) {
			return !time.isBefore(this.start) && (this.untilMidnight || time.isBefore(this.end));
		}

	}

}
