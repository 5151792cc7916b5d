package se.fyren.routing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Counsellor availability in this node's memory, for embedded mode.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class InMemoryCounsellorAvailability implements CounsellorAvailability {

	private final Map<String, Instant> lastChat = new ConcurrentHashMap<>();

	private final Map<String, Instant> paused = new ConcurrentHashMap<>();

	private final Set<String> pausedByThemselves = ConcurrentHashMap.newKeySet();

	@Override
	public void chatStarted(String username, Instant at) {
		this.lastChat.merge(username, at, (old, now) -> now.isAfter(old) ? now : old);
	}

	@Override
	public Optional<Instant> lastChatAt(String username) {
		return Optional.ofNullable(this.lastChat.get(username));
	}

	@Override
	public void pauseUntil(String username, Instant until) {
		this.paused.put(username, until);
	}

	@Override
	public Optional<Instant> pausedUntil(String username) {
		return Optional.ofNullable(this.paused.get(username));
	}

	@Override
	public void setPaused(String username, boolean paused) {
		if (paused) {
			this.pausedByThemselves.add(username);
		}
		else {
			this.pausedByThemselves.remove(username);
		}
	}

	@Override
	public Set<String> paused() {
		return Set.copyOf(this.pausedByThemselves);
	}

}
