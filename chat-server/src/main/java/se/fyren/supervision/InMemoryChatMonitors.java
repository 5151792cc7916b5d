package se.fyren.supervision;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Who follows which chat, in this node's memory, for embedded mode.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class InMemoryChatMonitors implements ChatMonitors {

	/** chat id → (STOMP session id → supervisor username). */
	private final Map<String, Map<String, String>> followers = new ConcurrentHashMap<>();

	@Override
	public Set<String> of(String chatId) {
		Map<String, String> sessions = this.followers.get(chatId);
		return (sessions != null) ? Set.copyOf(sessions.values()) : Set.of();
	}

	@Override
	public boolean start(String chatId, String sessionId, String username) {
		boolean[] first = { false };
		this.followers.compute(chatId, (key, sessions) -> {
			Map<String, String> updated = (sessions != null) ? sessions : new ConcurrentHashMap<>();
			first[0] = updated.isEmpty();
			updated.put(sessionId, username);
			return updated;
		});
		return first[0];
	}

	@Override
	public boolean stop(String chatId, String sessionId) {
		boolean[] last = { false };
		this.followers.computeIfPresent(chatId, (key, sessions) -> {
			if (sessions.remove(sessionId) != null && sessions.isEmpty()) {
				last[0] = true;
			}
			return sessions.isEmpty() ? null : sessions;
		});
		return last[0];
	}

	@Override
	public List<String> followedBy(String sessionId) {
		return this.followers.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().containsKey(sessionId))
			.map(Map.Entry::getKey)
			.collect(Collectors.toList());
	}

}
