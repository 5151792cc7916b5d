package se.fyren.supervision;

/**
 * Tells the watching supervisors of every node that the dashboard's figures
 * have changed, so that each node pushes fresh figures to its own watchers
 * at once rather than at the next timed refresh.
 */
interface DashboardChanges {

	/** Something on the dashboard changed on this node. */
	void announce();

}
