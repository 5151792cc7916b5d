package se.fyren.testsupport;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * One Fyren node started by {@link FyrenNodes}: its beans, its port, clients
 * pointed at it, and the two ways a node goes away.
 */
public final class FyrenNode {

	private final ConfigurableApplicationContext context;

	FyrenNode(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public <T> T getBean(Class<T> type) {
		return this.context.getBean(type);
	}

	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	public FyrenClients clients() {
		return new FyrenClients(port());
	}

	/** Stops as SIGTERM stops it: the context closes while its clients are connected. */
	public void close() {
		this.context.close();
	}

	/**
	 * Dies as a killed process would: its Redis connection goes first, so the
	 * closing of its WebSockets reaches nobody.
	 */
	public void crash() {
		getBean(LettuceConnectionFactory.class).stop();
		this.context.close();
	}

}
