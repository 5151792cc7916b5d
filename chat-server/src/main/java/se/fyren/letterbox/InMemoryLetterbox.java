package se.fyren.letterbox;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Letters in this node's memory, for embedded mode.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class InMemoryLetterbox implements Letterbox {

	private final Map<String, Letter> byId = new ConcurrentHashMap<>();

	private final Map<String, String> idByCodeHash = new ConcurrentHashMap<>();

	@Override
	public void save(Letter letter) {
		this.byId.put(letter.id(), letter);
		this.idByCodeHash.put(letter.codeHash(), letter.id());
	}

	@Override
	public Optional<Letter> findByCodeHash(String codeHash) {
		return Optional.ofNullable(this.idByCodeHash.get(codeHash)).map(this.byId::get);
	}

	@Override
	public Optional<Letter> find(String id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	@Override
	public Optional<Letter> update(String id, UnaryOperator<Letter> change) {
		return Optional.ofNullable(this.byId.computeIfPresent(id, (key, letter) -> change.apply(letter)));
	}

	@Override
	public List<Letter> unanswered(Collection<String> queues) {
		return this.byId.values()
			.stream()
			.filter((letter) -> !letter.answered() && queues.contains(letter.queue()))
			.sorted(Comparator.comparing(Letter::sentAt))
			.toList();
	}

	@Override
	public int removeSentBefore(Instant cutoff) {
		int removed = 0;
		for (Letter letter : List.copyOf(this.byId.values())) {
			if (letter.sentAt().isBefore(cutoff) && this.byId.remove(letter.id(), letter)) {
				this.idByCodeHash.remove(letter.codeHash(), letter.id());
				removed++;
			}
		}
		return removed;
	}

}
