package se.fyren.audit;

import java.util.List;

/**
 * The record of what staff did. Append-only for everyone; supervisors and
 * admins read it through {@code GET /api/audit}.
 */
public interface AuditLog {

	/** Records an action at the current time. */
	void record(String staff, AuditAction action, String chatId);

	/** The latest entries, newest first, at most {@code limit}. */
	List<AuditEntry> latest(int limit);

}
