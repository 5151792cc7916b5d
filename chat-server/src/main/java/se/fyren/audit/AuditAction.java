package se.fyren.audit;

/**
 * The staff actions that are audited.
 */
public enum AuditAction {

	/** Took a chat from a queue. */
	TAKE_CHAT,
	/** Opened a chat's transcript. */
	OPEN_CHAT,
	/** Ended a chat. */
	END_CHAT,
	/** Exported data (statistics, a transcript). */
	EXPORT,
	/** Blocked a visitor session. */
	BLOCK,
	/** Read the audit log. */
	READ_AUDIT_LOG

}
