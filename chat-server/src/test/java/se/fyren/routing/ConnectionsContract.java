package se.fyren.routing;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link Connections} must do; one subclass per implementation.
 */
abstract class ConnectionsContract {

	static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

	Connections connections;

	protected abstract Connections createConnections();

	@BeforeEach
	void setUpConnections() {
		this.connections = createConnections();
	}

	@Test
	void aParticipantNeverSeenIsNotCountedAsGone() {
		assertThat(this.connections.disconnectedSince("anna")).isEmpty();
	}

	@Test
	void goneOnlyWhenTheLastSessionCloses() {
		this.connections.connected("anna", "tab-1");
		this.connections.connected("anna", "tab-2");
		this.connections.disconnected("anna", "tab-1", T0);
		assertThat(this.connections.disconnectedSince("anna")).isEmpty();
		this.connections.disconnected("anna", "tab-2", T0.plusSeconds(10));
		assertThat(this.connections.disconnectedSince("anna")).contains(T0.plusSeconds(10));
	}

	@Test
	void reconnectingClearsTheGoneTime() {
		this.connections.connected("visitor:x", "s1");
		this.connections.disconnected("visitor:x", "s1", T0);
		this.connections.connected("visitor:x", "s2");
		assertThat(this.connections.disconnectedSince("visitor:x")).isEmpty();
		assertThat(this.connections.disconnectedSince("anna")).isEmpty();
	}

}
