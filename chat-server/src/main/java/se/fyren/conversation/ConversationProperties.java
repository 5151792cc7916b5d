package se.fyren.conversation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Conversation settings.
 *
 * @param maxTextLength longest message, in characters
 * @param transcriptRetention how long a transcript is kept after its chat ends,
 * for the counsellor's documentation
 */
@ConfigurationProperties("fyren.conversation")
public record ConversationProperties(@DefaultValue("4000") int maxTextLength,
		@DefaultValue("15m") Duration transcriptRetention) {
}
