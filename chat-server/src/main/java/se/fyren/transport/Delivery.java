package se.fyren.transport;

/**
 * Delivers events to participants wherever they are connected. The embedded
 * implementation hands them to the local broker; a cluster implementation
 * must reach sessions held by other nodes too.
 */
public interface Delivery {

	/** Sends to every session of the visitor. */
	void toVisitor(String visitorId, ClientEvent event);

	/** Sends to every session of the staff member. */
	void toStaff(String username, ClientEvent event);

}
