package se.fyren.visitor;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Visitor sessions in this node's memory, for embedded mode.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class InMemoryVisitorSessions implements VisitorSessions {

	private final Map<String, VisitorSession> byTokenHash = new ConcurrentHashMap<>();

	@Override
	public void save(VisitorSession session) {
		this.byTokenHash.put(session.tokenHash(), session);
	}

	@Override
	public Optional<VisitorSession> findByTokenHash(String tokenHash) {
		return Optional.ofNullable(this.byTokenHash.get(tokenHash));
	}

	@Override
	public int removeNotSeenSince(Instant cutoff) {
		int before = this.byTokenHash.size();
		this.byTokenHash.values().removeIf((session) -> session.lastSeen().isBefore(cutoff));
		return before - this.byTokenHash.size();
	}

}
