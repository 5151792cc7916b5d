package se.fyren.transport;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * Answers a frame that could not be processed at all (one that is not STOMP,
 * for example) with an ERROR frame carrying only a stable code. The default
 * would quote the exception, which may quote the frame.
 */
class FrameErrorHandler extends StompSubProtocolErrorHandler {

	static final String MALFORMED_FRAME = "MALFORMED_FRAME";

	@Override
	public Message<byte[]> handleClientMessageProcessingError(Message<byte[]> clientMessage, Throwable ex) {
		StompHeaderAccessor accessor = StompHeaderAccessor.create(StompCommand.ERROR);
		accessor.setMessage(MALFORMED_FRAME);
		accessor.setLeaveMutable(true);
		return MessageBuilder.createMessage(new byte[0], accessor.getMessageHeaders());
	}

}
