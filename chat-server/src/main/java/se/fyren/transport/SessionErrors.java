package se.fyren.transport;

import java.security.Principal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

import se.fyren.system.ErrorPayload;

/**
 * Errors for one STOMP session, for interceptors that refuse a frame.
 * Interceptors answer through here and drop the frame instead of throwing:
 * with ordered inbound handling, a thrown exception never reaches the client
 * and Spring logs the whole frame, headers and all.
 */
@Component
public class SessionErrors {

	private final ObjectProvider<SimpMessagingTemplate> messaging;

	private final ObjectProvider<MessageChannel> clientOutbound;

	SessionErrors(ObjectProvider<SimpMessagingTemplate> messaging,
			@Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutbound) {
		this.messaging = messaging;
		this.clientOutbound = clientOutbound;
	}

	/** Sends an error payload to {@code /user/queue/errors} of this session only. */
	public void send(Principal user, String sessionId, ErrorPayload error) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create();
		headers.setSessionId(sessionId);
		headers.setLeaveMutable(true);
		this.messaging.getObject()
			.convertAndSendToUser(user.getName(), "/queue/errors", error, headers.getMessageHeaders());
	}

	/** Answers a CONNECT with an ERROR frame carrying the code; the socket then closes. */
	public void refuseConnect(String sessionId, String code) {
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(code);
		error.setSessionId(sessionId);
		this.clientOutbound.getObject().send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
	}

}
