package se.fyren.conversation;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes each ended chat, its transcript and its internal notes once the
 * retention window after its end has passed. Nothing here decrypts, so a chat
 * sealed under a key since removed from the configuration goes like any other.
 */
@Component
class TranscriptRetention {

	private static final Logger logger = LoggerFactory.getLogger(TranscriptRetention.class);

	private final ChatStore chats;

	private final Transcripts transcripts;

	private final ChatNotes notes;

	private final ConversationProperties properties;

	private final Clock clock;

	TranscriptRetention(ChatStore chats, Transcripts transcripts, ChatNotes notes, ConversationProperties properties,
			Clock clock) {
		this.notes = notes;
		this.chats = chats;
		this.transcripts = transcripts;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${fyren.retention.purge-interval:1m}")
	void purgeExpired() {
		Instant cutoff = this.clock.instant().minus(this.properties.transcriptRetention());
		int purged = 0;
		for (String chatId : this.chats.endedBefore(cutoff)) {
			this.transcripts.delete(chatId);
			this.notes.delete(chatId);
			this.chats.delete(chatId);
			purged++;
		}
		if (purged > 0) {
			logger.info("Deleted {} ended chats past retention", purged);
		}
	}

}
