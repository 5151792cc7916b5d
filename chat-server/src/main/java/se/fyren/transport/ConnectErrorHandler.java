package se.fyren.transport;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

import se.fyren.system.ErrorCode;

/**
 * Turns a refused CONNECT (or any frame the interceptors reject by throwing)
 * into a STOMP ERROR frame whose {@code message} header is a stable code.
 * Nothing of the exception's text or stack reaches the client.
 */
class ConnectErrorHandler extends StompSubProtocolErrorHandler {

	@Override
	public Message<byte[]> handleClientMessageProcessingError(Message<byte[]> clientMessage, Throwable ex) {
		ConnectRefusedException refusal = findRefusal(ex);
		String code = (refusal != null) ? refusal.code() : ErrorCode.INTERNAL_ERROR.name();
		StompHeaderAccessor accessor = StompHeaderAccessor.create(StompCommand.ERROR);
		accessor.setMessage(code);
		accessor.setLeaveMutable(true);
		return MessageBuilder.createMessage(new byte[0], accessor.getMessageHeaders());
	}

	private static ConnectRefusedException findRefusal(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof ConnectRefusedException refusal) {
				return refusal;
			}
		}
		return null;
	}

}
