package se.fyren.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings.
 *
 * @param embeddingOrigins origins of the websites allowed to show the widget's
 * chat frame, exactly as the browser sends them (for example
 * {@code https://www.exempelby.se}); Fyren's own origin is always allowed
 */
@ConfigurationProperties("fyren.security")
public record SecurityProperties(List<String> embeddingOrigins) {

	public SecurityProperties {
		embeddingOrigins = (embeddingOrigins != null) ? List.copyOf(embeddingOrigins) : List.of();
	}

	/** The CSP {@code frame-ancestors} directive for the widget's frame. */
	String widgetFrameAncestors() {
		return String.join(" ", "frame-ancestors", "'self'", String.join(" ", this.embeddingOrigins)).strip();
	}

}
