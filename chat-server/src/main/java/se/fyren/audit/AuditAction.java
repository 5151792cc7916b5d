package se.fyren.audit;

/**
 * The staff actions that are audited.
 */
public enum AuditAction {

	/** Took a chat from a queue, or accepted one offered. */
	TAKE_CHAT,
	/** Started following a live chat read-only (a supervisor). */
	MONITOR_CHAT,
	/** Opened a chat's transcript. */
	OPEN_CHAT,
	/** Ended a chat. */
	END_CHAT,
	/** Exported data (statistics, a transcript). */
	EXPORT,
	/** Blocked a visitor session. */
	BLOCK,
	/** Read the audit log. */
	READ_AUDIT_LOG,
	/** Proposed a handover of a chat to a receiving unit. */
	PROPOSE_HANDOVER,
	/** The visitor confirmed a handover the counsellor proposed (recorded for that counsellor). */
	HANDOVER_CONFIRMED,
	/** Opened a handover record (content or printable export). */
	READ_HANDOVER,
	/** Acknowledged receipt of a handover record. */
	ACKNOWLEDGE_HANDOVER,
	/** Drafted a report of concern about a child. */
	DRAFT_CONCERN,
	/** Signed off (and so issued) a report of concern drafted by someone else. */
	SIGN_OFF_CONCERN

}
