package se.fyren.counsellor;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Duty status and open sessions in this node's memory, for embedded mode.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class InMemoryCounsellorPresence implements CounsellorPresence {

	private final Set<String> onDuty = ConcurrentHashMap.newKeySet();

	private final Map<String, Integer> sessions = new ConcurrentHashMap<>();

	@Override
	public void setOnDuty(String username, boolean onDuty) {
		if (onDuty) {
			this.onDuty.add(username);
		}
		else {
			this.onDuty.remove(username);
		}
	}

	@Override
	public boolean isOnDuty(String username) {
		return this.onDuty.contains(username);
	}

	@Override
	public Set<String> onDuty() {
		return Set.copyOf(this.onDuty);
	}

	@Override
	public void sessionOpened(String username) {
		this.sessions.merge(username, 1, Integer::sum);
	}

	@Override
	public void sessionClosed(String username) {
		this.sessions.computeIfPresent(username, (name, count) -> (count > 1) ? count - 1 : null);
	}

	@Override
	public boolean isConnected(String username) {
		return this.sessions.containsKey(username);
	}

}
