package se.fyren.conversation;

import java.time.Instant;

/**
 * A stored chat message.
 *
 * @param chatId the chat
 * @param id client-generated id, unique within the chat
 * @param seq per-chat order, from 1
 * @param from who wrote it
 * @param text what was written, untrusted
 * @param sentAt when the server stored it
 */
public record ChatMessage(String chatId, String id, long seq, Party from, String text, Instant sentAt) {
}
