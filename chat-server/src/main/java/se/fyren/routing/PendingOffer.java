package se.fyren.routing;

import java.time.Instant;

/**
 * A waiting chat offered to one counsellor until they accept, decline or the
 * offer expires.
 *
 * @param chatId the chat
 * @param username the counsellor it is offered to
 * @param queue the chat's queue
 * @param expiresAt when it goes to the next counsellor
 */
public record PendingOffer(String chatId, String username, String queue, Instant expiresAt) {
}
