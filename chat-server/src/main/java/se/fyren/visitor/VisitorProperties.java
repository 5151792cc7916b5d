package se.fyren.visitor;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Visitor session settings.
 *
 * @param sessionIdleTimeout a session not connected for this long is forgotten
 */
@ConfigurationProperties("fyren.visitor")
public record VisitorProperties(@DefaultValue("12h") Duration sessionIdleTimeout) {
}
