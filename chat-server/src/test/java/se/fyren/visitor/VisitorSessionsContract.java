package se.fyren.visitor;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link VisitorSessions} must do; one subclass per implementation.
 */
abstract class VisitorSessionsContract {

	static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

	VisitorSessions sessions;

	protected abstract VisitorSessions createSessions();

	@BeforeEach
	void setUpSessions() {
		this.sessions = createSessions();
	}

	@Test
	void findsASessionByTheHashOfItsToken() {
		String token = VisitorTokens.newToken();
		VisitorSession session = new VisitorSession("v1", VisitorTokens.hash(token), T0);
		this.sessions.save(session);
		assertThat(this.sessions.findByTokenHash(VisitorTokens.hash(token))).contains(session);
		assertThat(this.sessions.findByTokenHash(VisitorTokens.hash(token + "x"))).isEmpty();
	}

	@Test
	void savingAgainUpdatesLastSeen() {
		VisitorSession session = new VisitorSession("v1", "hash", T0);
		this.sessions.save(session);
		this.sessions.save(session.seenAt(T0.plusSeconds(60)));
		assertThat(this.sessions.findByTokenHash("hash").orElseThrow().lastSeen()).isEqualTo(T0.plusSeconds(60));
	}

	@Test
	void forgetsSessionsNotSeenSinceTheCutoff() {
		this.sessions.save(new VisitorSession("old", "h-old", T0));
		this.sessions.save(new VisitorSession("new", "h-new", T0.plusSeconds(3600)));
		assertThat(this.sessions.removeNotSeenSince(T0.plusSeconds(60))).isEqualTo(1);
		assertThat(this.sessions.findByTokenHash("h-old")).isEmpty();
		assertThat(this.sessions.findByTokenHash("h-new")).isPresent();
	}

}
