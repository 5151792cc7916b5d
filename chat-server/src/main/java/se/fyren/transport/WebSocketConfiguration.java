package se.fyren.transport;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * STOMP over plain WebSocket on two endpoints. Both accept only same-origin
 * browsers for now: the widget's conversation runs in a frame served by Fyren.
 * Clients may only SEND to {@code /app/**}; the broker is reached through
 * {@code /user/queue/**} subscriptions alone (see {@link DestinationPolicy}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

	private final TransportProperties properties;

	private final ObjectProvider<ChannelInterceptor> interceptors;

	private final TaskScheduler heartbeats;

	private final LocalSessions sessions;

	WebSocketConfiguration(TransportProperties properties, ObjectProvider<ChannelInterceptor> interceptors,
			@Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler heartbeats, LocalSessions sessions) {
		this.properties = properties;
		this.interceptors = interceptors;
		this.heartbeats = heartbeats;
		this.sessions = sessions;
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		for (Endpoint endpoint : Endpoint.values()) {
			registry.addEndpoint(endpoint.path()).addInterceptors(endpoint.marker());
		}
		registry.setErrorHandler(new FrameErrorHandler());
		// One visitor's frames are handled in the order they were sent.
		registry.setPreserveReceiveOrder(true);
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		registry.setApplicationDestinationPrefixes("/app");
		// Heartbeats both ways, so a phone whose connection died silently is noticed.
		long heartbeat = this.properties.heartbeat().toMillis();
		registry.enableSimpleBroker("/queue")
			.setHeartbeatValue(new long[] { heartbeat, heartbeat })
			.setTaskScheduler(this.heartbeats);
		registry.setUserDestinationPrefix("/user");
		registry.setPreservePublishOrder(true);
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		List<ChannelInterceptor> ordered = this.interceptors.orderedStream().toList();
		registration.interceptors(ordered.toArray(ChannelInterceptor[]::new));
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		registration.setMessageSizeLimit(this.properties.maxFrameBytes())
			.setTimeToFirstMessage((int) this.properties.connectTimeout().toMillis())
			.setSendTimeLimit((int) this.properties.sendTimeout().toMillis())
			.setSendBufferSizeLimit(this.properties.sendBufferBytes())
			.addDecoratorFactory(this.sessions);
	}

}
