package se.fyren.conversation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Chats in this node's memory, for embedded mode. {@link #update} is atomic
 * through {@link ConcurrentHashMap#computeIfPresent}.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class InMemoryChatStore implements ChatStore {

	private final Map<String, Chat> chats = new ConcurrentHashMap<>();

	private final Map<String, String> latestByVisitor = new ConcurrentHashMap<>();

	@Override
	public boolean create(Chat chat) {
		boolean[] created = { false };
		this.latestByVisitor.compute(chat.visitorId(), (visitor, latest) -> {
			Chat current = (latest != null) ? this.chats.get(latest) : null;
			if (current != null && current.isOpen()) {
				return latest;
			}
			this.chats.put(chat.id(), chat);
			created[0] = true;
			return chat.id();
		});
		return created[0];
	}

	@Override
	public Optional<Chat> find(String chatId) {
		return Optional.ofNullable(this.chats.get(chatId));
	}

	@Override
	public List<Chat> findAll(List<String> chatIds) {
		return chatIds.stream().map(this.chats::get).filter(Objects::nonNull).toList();
	}

	@Override
	public Optional<Chat> update(String chatId, UnaryOperator<Chat> change) {
		return Optional.ofNullable(this.chats.computeIfPresent(chatId, (id, chat) -> change.apply(chat)));
	}

	@Override
	public Optional<Chat> latestOfVisitor(String visitorId) {
		return Optional.ofNullable(this.latestByVisitor.get(visitorId)).map(this.chats::get);
	}

	@Override
	public List<Chat> activeOf(String counsellor) {
		return this.chats.values()
			.stream()
			.filter((chat) -> chat.status() == Chat.Status.ACTIVE && counsellor.equals(chat.counsellor()))
			.sorted(Comparator.comparing(Chat::startedAt))
			.toList();
	}

	@Override
	public List<String> endedBefore(Instant cutoff) {
		return this.chats.values()
			.stream()
			.filter((chat) -> chat.status() == Chat.Status.ENDED && chat.endedAt().isBefore(cutoff))
			.map(Chat::id)
			.toList();
	}

	@Override
	public void delete(String chatId) {
		Chat removed = this.chats.remove(chatId);
		if (removed != null) {
			this.latestByVisitor.remove(removed.visitorId(), chatId);
		}
	}

}
