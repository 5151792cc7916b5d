package se.fyren.survey;

import java.time.LocalDate;

/**
 * How many chats of one queue, ended on one day, got one answer. The only
 * form in which answers are kept: nothing links a count to a chat.
 *
 * @param day the day the answer was given, in the application clock's zone (UTC)
 * @param queue the queue the chat was in
 * @param answer the answer
 * @param count how many gave it
 */
public record SurveyCount(LocalDate day, String queue, SurveyAnswer answer, long count) {
}
