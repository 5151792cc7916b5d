package se.fyren.supervision;

import java.time.Instant;

/**
 * Inside the application, for the audit log: a supervisor started or stopped
 * silently following a chat.
 *
 * @param supervisor the supervisor's username
 * @param chatId the opaque chat id
 * @param started true on start, false on stop
 * @param at when
 */
public record ChatMonitored(String supervisor, String chatId, boolean started, Instant at) {
}
