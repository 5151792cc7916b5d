package se.fyren.counsellor;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the console offers counsellors of this service.
 *
 * @param outcomes the categories a counsellor picks from when ending a chat,
 * in display order
 * @param replies canned responses
 * @param referrals referral cards: where else the visitor can turn
 */
@ConfigurationProperties("fyren.console")
public record ConsoleProperties(List<Outcome> outcomes, List<Snippet> replies, List<Snippet> referrals) {

	public ConsoleProperties {
		outcomes = (outcomes != null) ? List.copyOf(outcomes) : List.of();
		replies = (replies != null) ? List.copyOf(replies) : List.of();
		referrals = (referrals != null) ? List.copyOf(referrals) : List.of();
	}

	/** Whether the id names a configured referral card. */
	boolean isReferral(String id) {
		return this.referrals.stream().anyMatch((referral) -> referral.id().equals(id));
	}

	/** Whether the id names a configured outcome. */
	boolean isOutcome(String id) {
		return this.outcomes.stream().anyMatch((outcome) -> outcome.id().equals(id));
	}

	/**
	 * An outcome category.
	 *
	 * @param id stable id used in the protocol and the statistics
	 * @param labels what counsellors see, per language code
	 */
	public record Outcome(String id, Map<String, String> labels) {

		public Outcome {
			labels = (labels != null) ? Map.copyOf(labels) : Map.of();
		}

	}

	/**
	 * A text the counsellor can insert from the keyboard.
	 *
	 * @param id stable id
	 * @param titles what the picker shows, per language code
	 * @param texts what is inserted into the message, per language code
	 * @param queues the queues it is offered in; empty for all
	 */
	public record Snippet(String id, Map<String, String> titles, Map<String, String> texts, Set<String> queues) {

		public Snippet {
			titles = (titles != null) ? Map.copyOf(titles) : Map.of();
			texts = (texts != null) ? Map.copyOf(texts) : Map.of();
			queues = (queues != null) ? Set.copyOf(queues) : Set.of();
		}

	}

}
