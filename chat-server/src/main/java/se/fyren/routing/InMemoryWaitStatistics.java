package se.fyren.routing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The last {@value #WINDOW} handling times per queue in this node's memory,
 * for embedded mode.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class InMemoryWaitStatistics implements WaitStatistics {

	static final int WINDOW = 50;

	private final Map<String, Deque<Duration>> handling = new ConcurrentHashMap<>();

	@Override
	public void recordHandling(String queue, Duration duration) {
		Deque<Duration> recent = this.handling.computeIfAbsent(queue, (id) -> new ArrayDeque<>());
		synchronized (recent) {
			recent.addLast(duration);
			while (recent.size() > WINDOW) {
				recent.removeFirst();
			}
		}
	}

	@Override
	public Optional<Duration> averageHandling(String queue) {
		Deque<Duration> recent = this.handling.get(queue);
		if (recent == null) {
			return Optional.empty();
		}
		synchronized (recent) {
			if (recent.isEmpty()) {
				return Optional.empty();
			}
			long total = recent.stream().mapToLong(Duration::toMillis).sum();
			return Optional.of(Duration.ofMillis(total / recent.size()));
		}
	}

}
