package se.fyren.staff;

/**
 * What a staff member may do.
 */
public enum StaffRole {

	/** Takes chats in the queues they serve. */
	COUNSELLOR,
	/** Watches queues; never writes into a chat. */
	SUPERVISOR,
	/** Runs the service: accounts, audit log; never writes into a chat. */
	ADMIN,
	/** Receives handovers to a registered case; no live chats. */
	CASE_WORKER

}
