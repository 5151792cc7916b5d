package se.fyren.routing;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.conversation.ConversationEvents.FirstVisitorMessage;
import se.fyren.queue.Reception;
import se.fyren.routing.RoutingEvents.UrgentBecause;

/**
 * Scans a visitor's first message, in memory only, for the configured danger
 * keywords (every language's list), and raises the chat's priority on a
 * match. Nothing about the text is kept or logged.
 */
@Component
class PriorityScreen {

	private final List<Pattern> keywords;

	private final ChatStore chats;

	private final Reception reception;

	private final UrgentAlerts alerts;

	PriorityScreen(RoutingProperties properties, ChatStore chats, Reception reception, UrgentAlerts alerts) {
		this.keywords = properties.dangerKeywords()
			.values()
			.stream()
			.flatMap(List::stream)
			.filter((keyword) -> keyword != null && !keyword.isBlank())
			.map((keyword) -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(normalize(keyword))
					+ "(?![\\p{L}\\p{N}])"))
			.toList();
		this.chats = chats;
		this.reception = reception;
		this.alerts = alerts;
	}

	@EventListener
	void on(FirstVisitorMessage first) {
		if (first.chat().urgent() || !raises(first.text())) {
			return;
		}
		boolean[] raisedNow = { false };
		Optional<Chat> raised = this.chats.update(first.chat().id(), (chat) -> {
			if (chat.urgent() || !chat.isOpen()) {
				return chat;
			}
			raisedNow[0] = true;
			return chat.flaggedUrgent();
		});
		if (raised.isPresent() && raisedNow[0]) {
			this.alerts.raise(raised.get(), UrgentBecause.KEYWORD);
			if (raised.get().status() == Chat.Status.WAITING) {
				this.reception.queueChanged(raised.get().queue());
			}
		}
	}

	boolean raises(String text) {
		String normalized = normalize(text);
		return this.keywords.stream().anyMatch((keyword) -> keyword.matcher(normalized).find());
	}

	private static String normalize(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
	}

}
