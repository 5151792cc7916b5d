package se.fyren.testsupport;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests that talk to a whole Fyren on a random port, with
 * {@link FyrenClients} pointed at it. A subclass may declare its own
 * {@code @SpringBootTest} to add properties.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningFyren {

	@LocalServerPort
	protected int port;

	protected FyrenClients clients;

	@BeforeEach
	void pointClientsAtTheServer() {
		this.clients = new FyrenClients(this.port);
	}

}
