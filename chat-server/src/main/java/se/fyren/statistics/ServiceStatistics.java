package se.fyren.statistics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the rest of Fyren reports to the statistics: only categories, never
 * ids or text. The category values come from configured sets (queues, age
 * bands, languages, genders, municipalities, outcomes, referral cards, units)
 * that are checked where they enter.
 */
@Component
public class ServiceStatistics {

	private final DailyCounts counts;

	private final Clock clock;

	private final ZoneId zone;

	ServiceStatistics(DailyCounts counts, Clock clock,
			@Value("${fyren.statistics.time-zone:Europe/Stockholm}") ZoneId zone) {
		this.counts = counts;
		this.clock = clock;
		this.zone = zone;
	}

	/** A chat ended; counted on the day it started waiting, with its duration from joining to end. */
	public void chatEnded(EndedChat chat) {
		LocalDate day = LocalDate.ofInstant(chat.joinedAt(), this.zone);
		long seconds = Duration.between(chat.joinedAt(), chat.endedAt()).toSeconds();
		this.counts.add(day, chat.queue(), "chats", "all", seconds);
		this.counts.add(day, chat.queue(), "age-band", orNotGiven(chat.ageBand()), 0);
		this.counts.add(day, chat.queue(), "language", orNotGiven(chat.language()), 0);
		this.counts.add(day, chat.queue(), "gender", orNotGiven(chat.gender()), 0);
		this.counts.add(day, chat.queue(), "municipality", orNotGiven(chat.municipality()), 0);
		if (chat.startedAt() != null) {
			this.counts.add(day, chat.queue(), "waited", "answered",
					Duration.between(chat.joinedAt(), chat.startedAt()).toSeconds());
		}
	}

	/**
	 * The counsellor gave the chat's outcome category (once per chat, at its end
	 * or after the visitor left); counted on the day the chat started waiting,
	 * like the chat itself.
	 */
	public void outcomeGiven(String queue, Instant joinedAt, String outcome) {
		this.counts.add(LocalDate.ofInstant(joinedAt, this.zone), queue, "outcome", outcome, 0);
	}

	/** The counsellor sent the visitor a referral card; counted on the chat's day. */
	public void referralSent(String queue, Instant joinedAt, String referral) {
		this.counts.add(LocalDate.ofInstant(joinedAt, this.zone), queue, "referral", referral, 0);
	}

	/** A visitor confirmed a handover to the unit. */
	public void handoverConfirmed(String queue, String unit) {
		this.counts.add(today(), queue, "handover", unit, 0);
	}

	/** A report of concern was issued after sign-off. */
	public void concernIssued(String queue) {
		this.counts.add(today(), queue, "report-of-concern", "issued", 0);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.zone);
	}

	private static String orNotGiven(String value) {
		return (value == null || value.isBlank()) ? "not-given" : value;
	}

	/**
	 * The categorical facts of an ended chat.
	 *
	 * @param queue queue id
	 * @param ageBand the configured age band chosen, or null
	 * @param language the configured language chosen, or null
	 * @param gender the configured gender category chosen, or null
	 * @param municipality the municipality chosen (or "other"), or null
	 * @param joinedAt when the visitor joined the queue
	 * @param startedAt when a counsellor took it, or null
	 * @param endedAt when it ended
	 */
	public record EndedChat(String queue, String ageBand, String language, String gender, String municipality,
			Instant joinedAt, Instant startedAt, Instant endedAt) {
	}

}
