package se.fyren.routing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Counsellors' places in this node's memory, for embedded mode. Each
 * counsellor's places change under a lock of their own.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class InMemoryChatCapacity implements ChatCapacity {

	private final Map<String, Map<String, Instant>> places = new ConcurrentHashMap<>();

	private Map<String, Instant> of(String username) {
		return this.places.computeIfAbsent(username, (name) -> new HashMap<>());
	}

	@Override
	public boolean reserve(String username, String chatId, int capacity, Instant at) {
		Map<String, Instant> held = of(username);
		synchronized (held) {
			if (!held.containsKey(chatId) && held.size() >= capacity) {
				return false;
			}
			held.put(chatId, at);
			return true;
		}
	}

	@Override
	public void release(String username, String chatId) {
		Map<String, Instant> held = of(username);
		synchronized (held) {
			held.remove(chatId);
		}
	}

	@Override
	public Map<String, Instant> held(String username) {
		Map<String, Instant> held = of(username);
		synchronized (held) {
			return Map.copyOf(held);
		}
	}

	@Override
	public void releaseIfReservedBefore(String username, String chatId, Instant cutoff) {
		Map<String, Instant> held = of(username);
		synchronized (held) {
			Instant at = held.get(chatId);
			if (at != null && at.isBefore(cutoff)) {
				held.remove(chatId);
			}
		}
	}

}
