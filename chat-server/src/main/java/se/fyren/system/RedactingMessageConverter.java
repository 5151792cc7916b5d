package se.fyren.system;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %m} with {@link LogRedaction} applied; wired in
 * {@code logback-spring.xml}.
 */
public class RedactingMessageConverter extends MessageConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return LogRedaction.redact(super.convert(event));
	}

}
