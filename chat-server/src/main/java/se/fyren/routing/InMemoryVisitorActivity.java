package se.fyren.routing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Visitor activity in this node's memory, for embedded mode.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class InMemoryVisitorActivity implements VisitorActivity {

	private final Map<String, Instant> seen = new ConcurrentHashMap<>();

	private final Map<String, Instant> warned = new ConcurrentHashMap<>();

	@Override
	public void seen(String chatId, Instant at) {
		this.seen.merge(chatId, at, (old, now) -> now.isAfter(old) ? now : old);
		this.warned.remove(chatId);
	}

	@Override
	public Optional<Instant> lastSeen(String chatId) {
		return Optional.ofNullable(this.seen.get(chatId));
	}

	@Override
	public void warned(String chatId, Instant at) {
		this.warned.put(chatId, at);
	}

	@Override
	public Optional<Instant> warnedAt(String chatId) {
		return Optional.ofNullable(this.warned.get(chatId));
	}

	@Override
	public void forget(String chatId) {
		this.seen.remove(chatId);
		this.warned.remove(chatId);
	}

}
