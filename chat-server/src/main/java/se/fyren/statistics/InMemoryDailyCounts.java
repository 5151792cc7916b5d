package se.fyren.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Daily counts in this node's memory, for embedded mode.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class InMemoryDailyCounts implements DailyCounts {

	private final Map<Key, long[]> cells = new ConcurrentHashMap<>();

	@Override
	public void add(LocalDate day, String queue, String category, String value, long seconds) {
		this.cells.compute(new Key(day, queue, category, value), (key, sums) -> {
			long[] next = (sums != null) ? sums : new long[2];
			next[0]++;
			next[1] += seconds;
			return next;
		});
	}

	@Override
	public List<Cell> between(LocalDate from, LocalDate to) {
		return this.cells.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().day().isBefore(from) && !entry.getKey().day().isAfter(to))
			.map((entry) -> new Cell(entry.getKey().day(), entry.getKey().queue(), entry.getKey().category(),
					entry.getKey().value(), entry.getValue()[0], entry.getValue()[1]))
			.toList();
	}

	private record Key(LocalDate day, String queue, String category, String value) {
	}

}
