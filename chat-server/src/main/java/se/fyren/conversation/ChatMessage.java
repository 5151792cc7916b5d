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
 * @param author display name of the counsellor who wrote it, the name the
 * visitor knows them by; null for the visitor's messages and for messages
 * stored before authors were kept
 */
public record ChatMessage(String chatId, String id, long seq, Party from, String text, Instant sentAt,
		String author) {
}
