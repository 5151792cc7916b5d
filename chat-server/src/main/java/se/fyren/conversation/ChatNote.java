package se.fyren.conversation;

import java.time.Instant;

/**
 * A counsellor's internal note on a chat: for staff only, never for the
 * visitor.
 *
 * @param chatId the chat
 * @param id client-generated id, unique within the chat
 * @param author the writer's display name
 * @param text what was written
 * @param writtenAt when the server stored it
 */
public record ChatNote(String chatId, String id, String author, String text, Instant writtenAt) {
}
