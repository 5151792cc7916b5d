package se.fyren.supervision;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Dashboard changes for embedded mode: the only node is this one.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class LocalDashboardChanges implements DashboardChanges {

	private final DashboardWatchers watchers;

	LocalDashboardChanges(DashboardWatchers watchers) {
		this.watchers = watchers;
	}

	@Override
	public void announce() {
		this.watchers.changed();
	}

}
