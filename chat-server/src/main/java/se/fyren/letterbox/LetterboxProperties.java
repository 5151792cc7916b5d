package se.fyren.letterbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Letterbox settings.
 *
 * @param retention a letter and its answer are deleted this long after it was left
 * @param maxTextLength longest letter or answer, in characters
 */
@ConfigurationProperties("fyren.letterbox")
public record LetterboxProperties(@DefaultValue("14d") Duration retention, @DefaultValue("4000") int maxTextLength) {
}
