package se.fyren.queue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The queues a service offers and the categorical pre-chat answers it accepts.
 *
 * @param definitions one queue per target group
 * @param ageBands accepted age bands, in display order
 * @param languages accepted language codes, in display order
 * @param alternatives where to turn now when a queue is closed or full
 * (emergency number, on-call social services)
 * @param genders optional self-described gender categories offered, in display
 * order (statistics only)
 * @param municipalities the service's municipalities, in display order;
 * {@value #OTHER_MUNICIPALITY} is always offered after them (statistics only)
 */
@ConfigurationProperties("fyren.queue")
public record QueueProperties(List<Definition> definitions, List<String> ageBands, List<String> languages,
		List<Alternative> alternatives, List<String> genders, List<String> municipalities) {

	/** The municipality answer for anyone outside the service's municipalities. */
	public static final String OTHER_MUNICIPALITY = "other";

	@ConstructorBinding
	public QueueProperties {
		genders = (genders != null) ? List.copyOf(genders) : List.of();
		municipalities = (municipalities != null) ? List.copyOf(municipalities) : List.of();
		definitions = (definitions != null) ? List.copyOf(definitions) : List.of();
		ageBands = (ageBands != null) ? List.copyOf(ageBands) : List.of();
		languages = (languages != null) ? List.copyOf(languages) : List.of();
		alternatives = (alternatives != null) ? List.copyOf(alternatives) : List.of();
	}

	public QueueProperties(List<Definition> definitions, List<String> ageBands, List<String> languages) {
		this(definitions, ageBands, languages, null, null, null);
	}

	/**
	 * One queue.
	 *
	 * @param id stable id used in the protocol, e.g. {@code sells-sex}
	 * @param labels what visitors see, per language code
	 * @param side the separated group it belongs to; required
	 * @param hours when it is open; null for always
	 * @param maxWaiting most chats that may wait at once; null for no limit
	 * @param maxExpectedWait a visitor whose expected wait would exceed this is
	 * not admitted; null for no limit
	 * @param letterbox whether visitors may leave a letterbox message for it
	 */
	public record Definition(String id, Map<String, String> labels, Side side, Hours hours, Integer maxWaiting,
			Duration maxExpectedWait, boolean letterbox) {

		@ConstructorBinding
		public Definition {
		}

		public Definition(String id, Map<String, String> labels) {
			this(id, labels, null, null, null, null, false);
		}

	}

	/**
	 * A weekly schedule with dated exceptions.
	 *
	 * @param zone time zone id, {@code Europe/Stockholm} when not set
	 * @param weekly open spans per weekday, e.g. {@code MONDAY: ["09:00-16:00"]};
	 * a day not named is closed
	 * @param exceptions dates whose spans replace the weekday's (an empty list
	 * closes the day)
	 */
	public record Hours(String zone, Map<DayOfWeek, List<String>> weekly, List<DatedHours> exceptions) {

		public Hours {
			weekly = (weekly != null) ? Map.copyOf(weekly) : Map.of();
			exceptions = (exceptions != null) ? List.copyOf(exceptions) : List.of();
		}

	}

	/**
	 * The open spans of one date.
	 *
	 * @param date the date, e.g. {@code 2026-12-24}
	 * @param open spans such as {@code 09:00-12:00}; empty for closed
	 */
	public record DatedHours(LocalDate date, List<String> open) {

		public DatedHours {
			open = (open != null) ? List.copyOf(open) : List.of();
		}

	}

	/**
	 * Somewhere to turn now.
	 *
	 * @param id stable id, e.g. {@code emergency}
	 * @param labels what visitors see, per language code
	 * @param phone a number to call, or null
	 * @param url a web address, or null
	 */
	public record Alternative(String id, Map<String, String> labels, String phone, String url) {
	}

}
