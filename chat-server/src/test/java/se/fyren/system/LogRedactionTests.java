package se.fyren.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogRedactionTests {

	@Test
	void tokensAddressesAndUserAgentsAreMasked() {
		String token = "Qk3x9_aZ-0pLmN4vB7cD2eF5gH8iJ1kK3lM6nO9pQrS";
		assertThat(LogRedaction.redact("visitor " + token + " connected")).isEqualTo("visitor [redacted] connected");
		assertThat(LogRedaction.redact("from 203.0.113.77:5555")).doesNotContain("203.0.113.77");
		assertThat(LogRedaction.redact("from 2001:db8::ff00:42:8329 and ::1")).doesNotContain("2001:db8")
			.doesNotContain("::1");
		assertThat(LogRedaction.redact("agent Mozilla/5.0 (X11; Linux x86_64) Chrome/120")).doesNotContain("X11");
		assertThat(LogRedaction.redact("JSESSIONID=3697604B8F8718C7FAECBE8CF49AAAA3")).doesNotContain("3697604B");
	}

	@Test
	void ordinaryLinesStayReadable() {
		String line = "Chat Qk3x9aZ0pLmN4vB7cD2eF5 joined queue sells-sex at 12:30:45 via /app/visitor/join "
				+ "in org.springframework.web.socket.messaging.StompSubProtocolHandler version 1.2.3";
		assertThat(LogRedaction.redact(line)).isEqualTo(line);
	}

}
