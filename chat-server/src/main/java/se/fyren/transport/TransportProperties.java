package se.fyren.transport;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the WebSocket transport.
 *
 * @param maxFrameBytes largest inbound STOMP message, in bytes
 * @param connectTimeout how long a socket may stay open without sending CONNECT
 * @param sendTimeout how long a slow client may block an outbound message
 * @param sendBufferBytes how much may be buffered for a slow client
 * @param heartbeat STOMP heartbeat interval, both ways
 * @param drainTimeout how long a node being stopped waits for its WebSockets
 * to close (see {@link NodeDrain})
 */
@ConfigurationProperties("fyren.transport")
public record TransportProperties(@DefaultValue("32768") int maxFrameBytes, @DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("10s") Duration sendTimeout, @DefaultValue("524288") int sendBufferBytes,
		@DefaultValue("10s") Duration heartbeat, @DefaultValue("5s") Duration drainTimeout) {
}
