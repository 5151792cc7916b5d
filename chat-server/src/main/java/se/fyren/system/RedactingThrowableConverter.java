package se.fyren.system;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's stack-trace format with {@link LogRedaction} applied: an
 * exception's message may quote what it failed on.
 */
public class RedactingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

	@Override
	protected String throwableProxyToString(IThrowableProxy proxy) {
		return LogRedaction.redact(super.throwableProxyToString(proxy));
	}

}
