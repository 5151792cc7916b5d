package se.fyren.counsellor;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Duty status in this node's memory, for embedded mode.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class InMemoryCounsellorPresence implements CounsellorPresence {

	private final Set<String> onDuty = ConcurrentHashMap.newKeySet();

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

}
