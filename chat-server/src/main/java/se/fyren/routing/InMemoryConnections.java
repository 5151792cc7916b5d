package se.fyren.routing;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Connections in this node's memory, for embedded mode.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class InMemoryConnections implements Connections {

	private final Map<String, Set<String>> sessions = new ConcurrentHashMap<>();

	private final Map<String, Instant> goneSince = new ConcurrentHashMap<>();

	@Override
	public void connected(String participant, String sessionId) {
		this.sessions.compute(participant, (name, open) -> {
			Set<String> now = (open != null) ? open : new HashSet<>();
			now.add(sessionId);
			this.goneSince.remove(participant);
			return now;
		});
	}

	@Override
	public void disconnected(String participant, String sessionId, Instant at) {
		this.sessions.computeIfPresent(participant, (name, open) -> {
			open.remove(sessionId);
			if (open.isEmpty()) {
				this.goneSince.put(participant, at);
				return null;
			}
			return open;
		});
	}

	@Override
	public Optional<Instant> disconnectedSince(String participant) {
		return Optional.ofNullable(this.goneSince.get(participant));
	}

}
