package se.fyren.letterbox;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where letterbox messages live until the retention window ends. Shared by
 * all nodes.
 */
public interface Letterbox {

	/** Stores a new letter. */
	void save(Letter letter);

	/** The letter whose pickup code has this hash. */
	Optional<Letter> findByCodeHash(String codeHash);

	/** The letter with this id. */
	Optional<Letter> find(String id);

	/**
	 * Applies a change atomically and returns the stored result; empty when the
	 * letter does not exist. The change may throw to refuse.
	 */
	Optional<Letter> update(String id, UnaryOperator<Letter> change);

	/** Unanswered letters of the queues, oldest first. */
	List<Letter> unanswered(Collection<String> queues);

	/** Deletes letters sent before the cutoff; returns how many. */
	int removeSentBefore(Instant cutoff);

}
