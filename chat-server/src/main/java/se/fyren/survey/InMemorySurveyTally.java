package se.fyren.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Survey counts in this node's memory, for embedded mode. Lost on restart.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class InMemorySurveyTally implements SurveyTally {

	private final Map<String, Instant> answered = new ConcurrentHashMap<>();

	private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

	@Override
	public boolean record(String chatId, LocalDate day, String queue, SurveyAnswer answer, Instant now) {
		this.answered.values().removeIf((at) -> at.isBefore(now.minus(ANSWERED_MEMORY)));
		if (this.answered.putIfAbsent(chatId, now) != null) {
			return false;
		}
		this.counts.computeIfAbsent(new Key(day, queue, answer), (key) -> new LongAdder()).increment();
		return true;
	}

	@Override
	public List<SurveyCount> counts() {
		return this.counts.entrySet()
			.stream()
			.map((entry) -> new SurveyCount(entry.getKey().day(), entry.getKey().queue(), entry.getKey().answer(),
					entry.getValue().sum()))
			.sorted(Comparator.comparing(SurveyCount::day)
				.thenComparing(SurveyCount::queue)
				.thenComparing(SurveyCount::answer))
			.toList();
	}

	private record Key(LocalDate day, String queue, SurveyAnswer answer) {
	}

}
