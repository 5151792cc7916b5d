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

	private final Map<String, Map<String, Place>> places = new ConcurrentHashMap<>();

	private Map<String, Place> of(String username) {
		return this.places.computeIfAbsent(username, (name) -> new HashMap<>());
	}

	@Override
	public boolean reserve(String username, String chatId, int capacity, Instant at) {
		Map<String, Place> held = of(username);
		synchronized (held) {
			Place place = held.get(chatId);
			if (place == null && held.size() >= capacity) {
				return false;
			}
			held.put(chatId, new Place((place != null) ? place.holds() + 1 : 1, at));
			return true;
		}
	}

	@Override
	public void release(String username, String chatId) {
		Map<String, Place> held = of(username);
		synchronized (held) {
			Place place = held.get(chatId);
			if (place != null && place.holds() > 1) {
				held.put(chatId, new Place(place.holds() - 1, place.at()));
			}
			else {
				held.remove(chatId);
			}
		}
	}

	@Override
	public Map<String, Instant> held(String username) {
		Map<String, Place> held = of(username);
		synchronized (held) {
			Map<String, Instant> copy = new HashMap<>();
			held.forEach((chatId, place) -> copy.put(chatId, place.at()));
			return copy;
		}
	}

	@Override
	public void releaseIfReservedBefore(String username, String chatId, Instant cutoff) {
		Map<String, Place> held = of(username);
		synchronized (held) {
			Place place = held.get(chatId);
			if (place != null && place.at().isBefore(cutoff)) {
				held.remove(chatId);
			}
		}
	}

	private record Place(int holds, Instant at) {
	}

}
