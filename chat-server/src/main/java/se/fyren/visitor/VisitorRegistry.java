package se.fyren.visitor;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.fyren.system.RandomIds;

/**
 * Creates visitor sessions and recognises returning visitors by token.
 */
@Component
public class VisitorRegistry {

	private static final Logger logger = LoggerFactory.getLogger(VisitorRegistry.class);

	private final VisitorSessions sessions;

	private final VisitorProperties properties;

	private final Clock clock;

	VisitorRegistry(VisitorSessions sessions, VisitorProperties properties, Clock clock) {
		this.sessions = sessions;
		this.properties = properties;
		this.clock = clock;
	}

	/** Starts a session and returns its token, which the server does not keep. */
	public String open() {
		String token = VisitorTokens.newToken();
		this.sessions.save(new VisitorSession(RandomIds.of(16), VisitorTokens.hash(token), this.clock.instant()));
		return token;
	}

	/** The session a token belongs to, marked as seen now. */
	public Optional<VisitorSession> recognise(String token) {
		return this.sessions.findByTokenHash(VisitorTokens.hash(token)).map((session) -> {
			VisitorSession seen = session.seenAt(this.clock.instant());
			this.sessions.save(seen);
			return seen;
		});
	}

	@Scheduled(fixedDelayString = "${fyren.retention.purge-interval:1m}")
	void forgetIdleSessions() {
		int removed = this.sessions.removeNotSeenSince(this.clock.instant().minus(this.properties.sessionIdleTimeout()));
		if (removed > 0) {
			logger.info("Forgot {} idle visitor sessions", removed);
		}
	}

}
