package se.fyren.transport;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat's per-connection socket buffers, sized for many idle WebSockets
 * rather than for a few busy HTTP connections: Tomcat keeps an 8 KB read and
 * an 8 KB write buffer on the heap for every open connection, which was a
 * third of an idle visitor's heap. A request or message larger than a buffer
 * still passes, in more reads or writes. How many connections Tomcat takes
 * at all is {@code server.tomcat.max-connections} (application.yml).
 */
@Component
class TomcatConnections implements TomcatConnectorCustomizer {

	static final int SOCKET_BUFFER_BYTES = 2048;

	@Override
	public void customize(Connector connector) {
		connector.setProperty("socket.appReadBufSize", Integer.toString(SOCKET_BUFFER_BYTES));
		connector.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_BUFFER_BYTES));
	}

}
