package se.fyren.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.socket.EnableWebSocketSecurity;
import org.springframework.security.messaging.web.csrf.XorCsrfChannelInterceptor;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

import se.fyren.transport.Endpoint;
import se.fyren.transport.SessionErrors;

/**
 * STOMP security: Spring Security's message authorization with Fyren's
 * {@link StompAccessRules}, default deny, and CSRF on the staff endpoint's
 * CONNECT. Ordered first, so {@link StompGate} sees every frame before any
 * other interceptor, Spring Security's included.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketSecurity
@Order(Ordered.HIGHEST_PRECEDENCE)
class MessageSecurityConfiguration implements WebSocketMessageBrokerConfigurer {

	private final SessionErrors errors;

	private final StaffSockets staffSockets;

	private final SilentSocketCloser silentSockets;

	MessageSecurityConfiguration(SessionErrors errors, StaffSockets staffSockets, SilentSocketCloser silentSockets) {
		this.errors = errors;
		this.staffSockets = staffSockets;
		this.silentSockets = silentSockets;
	}

	/** Picked up by {@code @EnableWebSocketSecurity} for its own authorization interceptor. */
	@Bean
	AuthorizationManager<Message<?>> messageAuthorizationManager() {
		return StompAccessRules.authorizationManager();
	}

	/**
	 * Replaces Spring Security's CSRF check on CONNECT (it takes this bean by
	 * name). Only the staff endpoint has an ambient credential to forge: a
	 * visitor's credential is the token in CONNECT itself.
	 */
	@Bean("csrfChannelInterceptor")
	ChannelInterceptor csrfChannelInterceptor() {
		XorCsrfChannelInterceptor csrf = new XorCsrfChannelInterceptor();
		return new ChannelInterceptor() {

			@Override
			public Message<?> preSend(Message<?> message, MessageChannel channel) {
				StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
				boolean staffConnect = accessor != null && accessor.getCommand() != null
						&& accessor.getMessageType() == SimpMessageType.CONNECT
						&& Endpoint.of(accessor.getSessionAttributes()) == Endpoint.STAFF;
				return staffConnect ? csrf.preSend(message, channel) : message;
			}

		};
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(new StompGate(messageAuthorizationManager(), csrfChannelInterceptor(), this.errors));
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		registration.addDecoratorFactory(this.staffSockets).addDecoratorFactory(this.silentSockets);
	}

}
