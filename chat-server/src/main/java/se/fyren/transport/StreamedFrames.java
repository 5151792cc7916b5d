package se.fyren.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;

/**
 * Lets the servlet container hand over WebSocket messages in pieces, so that
 * it needs only a small buffer per connection instead of one as large as the
 * largest allowed message: Tomcat allocates that buffer up front for every
 * socket, which made it most of an idle visitor's heap. Spring's STOMP
 * decoder already joins pieces into frames and enforces
 * {@code fyren.transport.max-frame-bytes} per frame; this keeps the limit per
 * WebSocket message too, closing with 1009 Message Too Big as the container
 * did when a whole message had to fit its buffer.
 */
class StreamedFrames implements WebSocketHandlerDecoratorFactory {

	private final int maxMessageBytes;

	private final int containerBuffer;

	StreamedFrames(int maxMessageBytes, int containerBuffer) {
		this.maxMessageBytes = maxMessageBytes;
		this.containerBuffer = containerBuffer;
	}

	@Override
	public WebSocketHandler decorate(WebSocketHandler handler) {
		return new WebSocketHandlerDecorator(handler) {

			/** Bytes so far of each session's unfinished message. */
			private final Map<String, Integer> unfinished = new ConcurrentHashMap<>();

			@Override
			public boolean supportsPartialMessages() {
				return true;
			}

			@Override
			public void afterConnectionEstablished(WebSocketSession session) throws Exception {
				super.afterConnectionEstablished(session);
				// Spring's STOMP handler raises the container's text buffer to 16 KB so that a
				// whole frame fits; Tomcat would then keep 33 KB per connection. Pieces need none of it.
				if (session.isOpen()) {
					try {
						session.setTextMessageSizeLimit(StreamedFrames.this.containerBuffer);
					}
					catch (IllegalStateException ex) {
						// Closed meanwhile: nothing to keep small.
					}
				}
			}

			@Override
			public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
				int size = this.unfinished.getOrDefault(session.getId(), 0) + message.getPayloadLength();
				if (size > StreamedFrames.this.maxMessageBytes) {
					this.unfinished.remove(session.getId());
					session.close(CloseStatus.TOO_BIG_TO_PROCESS);
					return;
				}
				if (message.isLast()) {
					this.unfinished.remove(session.getId());
				}
				else {
					this.unfinished.put(session.getId(), size);
				}
				super.handleMessage(session, message);
			}

			@Override
			public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
				this.unfinished.remove(session.getId());
				super.afterConnectionClosed(session, status);
			}

		};
	}

}
