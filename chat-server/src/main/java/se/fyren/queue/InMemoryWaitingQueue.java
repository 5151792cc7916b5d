package se.fyren.queue;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Waiting queues in this node's memory, for embedded mode.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class InMemoryWaitingQueue implements WaitingQueue {

	private final Map<String, LinkedHashSet<String>> lines = new ConcurrentHashMap<>();

	private LinkedHashSet<String> line(String queueId) {
		return this.lines.computeIfAbsent(queueId, (id) -> new LinkedHashSet<>());
	}

	@Override
	public void add(String queueId, String chatId) {
		LinkedHashSet<String> line = line(queueId);
		synchronized (line) {
			line.add(chatId);
		}
	}

	@Override
	public boolean remove(String queueId, String chatId) {
		LinkedHashSet<String> line = line(queueId);
		synchronized (line) {
			return line.remove(chatId);
		}
	}

	@Override
	public Optional<String> pollFirst(String queueId) {
		LinkedHashSet<String> line = line(queueId);
		synchronized (line) {
			Iterator<String> first = line.iterator();
			if (!first.hasNext()) {
				return Optional.empty();
			}
			String chatId = first.next();
			first.remove();
			return Optional.of(chatId);
		}
	}

	@Override
	public List<String> waiting(String queueId) {
		LinkedHashSet<String> line = line(queueId);
		synchronized (line) {
			return List.copyOf(line);
		}
	}

}
