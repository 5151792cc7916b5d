package se.fyren.audit;

import java.time.Instant;

/**
 * One staff action. Names the staff member and at most the opaque chat id,
 * never anything about the visitor.
 *
 * @param at when
 * @param staff the staff member's username
 * @param action what they did
 * @param chatId the chat it concerned, or null
 */
public record AuditEntry(Instant at, String staff, AuditAction action, String chatId) {
}
