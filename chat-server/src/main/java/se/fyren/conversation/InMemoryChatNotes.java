package se.fyren.conversation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Internal notes in this node's memory, for embedded mode.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class InMemoryChatNotes implements ChatNotes {

	/** chat id → (note id → note). */
	private final Map<String, Map<String, ChatNote>> notes = new ConcurrentHashMap<>();

	@Override
	public ChatNote add(ChatNote note) {
		return this.notes.computeIfAbsent(note.chatId(), (id) -> new ConcurrentHashMap<>())
			.computeIfAbsent(note.id(), (id) -> note);
	}

	@Override
	public List<ChatNote> of(String chatId) {
		Map<String, ChatNote> chat = this.notes.get(chatId);
		if (chat == null) {
			return List.of();
		}
		return chat.values().stream().sorted(Comparator.comparing(ChatNote::writtenAt)).toList();
	}

	@Override
	public void delete(String chatId) {
		this.notes.remove(chatId);
	}

}
