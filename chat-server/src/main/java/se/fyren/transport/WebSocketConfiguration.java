package se.fyren.transport;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * STOMP over plain WebSocket on two endpoints. Both accept same-origin
 * browsers (the widget's conversation runs in a frame served by Fyren); the
 * visitor endpoint also the configured embedding origins.
 * Clients may only SEND to {@code /app/**}; the broker is reached through
 * {@code /user/queue/**} subscriptions alone (the security module's gate
 * enforces both; {@link DestinationPolicy} refuses SENDs to what does not exist).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

	private final TransportProperties properties;

	private final ObjectProvider<ChannelInterceptor> interceptors;

	private final TaskScheduler heartbeats;

	private final List<String> embeddingOrigins;

	private final LocalSessions sessions;

	WebSocketConfiguration(TransportProperties properties, ObjectProvider<ChannelInterceptor> interceptors,
			@Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler heartbeats, LocalSessions sessions,
			Environment environment) {
		this.properties = properties;
		this.interceptors = interceptors;
		this.heartbeats = heartbeats;
		this.sessions = sessions;
		// The security module's setting; read by name, since transport knows no feature.
		this.embeddingOrigins = Binder.get(environment)
			.bind("fyren.security.embedding-origins", Bindable.listOf(String.class))
			.orElse(List.of());
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		// A browser handshake must come from Fyren's own pages (the widget's frame, the console); the visitor
		// endpoint also accepts the configured embedding sites, by exact origin. Cross-site WebSocket hijacking
		// of the staff endpoint is refused here, before any cookie is looked at.
		registry.addEndpoint(Endpoint.VISITOR.path())
			.setAllowedOrigins(this.embeddingOrigins.toArray(String[]::new))
			.addInterceptors(Endpoint.VISITOR.marker());
		registry.addEndpoint(Endpoint.STAFF.path()).addInterceptors(Endpoint.STAFF.marker());
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

	/**
	 * The servlet container's own WebSocket buffers must hold the largest
	 * allowed message: Tomcat's default of 8 KB would otherwise close the
	 * connection of a visitor writing a long message in Arabic or Thai.
	 */
	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(this.properties.maxFrameBytes());
		container.setMaxBinaryMessageBufferSize(this.properties.maxFrameBytes());
		return container;
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
