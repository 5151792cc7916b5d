package se.fyren.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Transcripts in this node's memory, for embedded mode.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class InMemoryTranscripts implements Transcripts {

	private final Map<String, Transcript> transcripts = new ConcurrentHashMap<>();

	@Override
	public Appended append(String chatId, String messageId, Party from, String author, String text, Instant at) {
		return this.transcripts.computeIfAbsent(chatId, (id) -> new Transcript())
			.append(chatId, messageId, from, author, text, at);
	}

	@Override
	public List<ChatMessage> after(String chatId, long afterSeq) {
		Transcript transcript = this.transcripts.get(chatId);
		return (transcript != null) ? transcript.after(afterSeq) : List.of();
	}

	@Override
	public void delete(String chatId) {
		this.transcripts.remove(chatId);
	}

	private static final class Transcript {

		private final List<ChatMessage> messages = new ArrayList<>();

		private final Map<String, ChatMessage> byId = new HashMap<>();

		private final Set<Party> senders = EnumSet.noneOf(Party.class);

		synchronized Appended append(String chatId, String messageId, Party from, String author, String text,
				Instant at) {
			ChatMessage earlier = this.byId.get(messageId);
			if (earlier != null) {
				return new Appended(earlier, false, false);
			}
			ChatMessage message = new ChatMessage(chatId, messageId, this.messages.size() + 1L, from, text, at, author);
			this.messages.add(message);
			this.byId.put(messageId, message);
			return new Appended(message, true, this.senders.add(from));
		}

		synchronized List<ChatMessage> after(long afterSeq) {
			int from = (int) Math.min(Math.max(afterSeq, 0), this.messages.size());
			return List.copyOf(this.messages.subList(from, this.messages.size()));
		}

	}

}
