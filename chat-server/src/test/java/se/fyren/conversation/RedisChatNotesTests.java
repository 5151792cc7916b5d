package se.fyren.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import se.fyren.system.RedisKeys;
import se.fyren.testsupport.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;

class RedisChatNotesTests extends ChatNotesContract {

	static final RedisTestStore store = new RedisTestStore();

	RedisChatKeys keys;

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	@Override
	protected ChatNotes createNotes() {
		this.keys = keys(store.freshKeys());
		return new RedisChatNotes(store.template(), this.keys, RedisTestStore.encryption(), JsonMapper.builder().build());
	}

	private static RedisChatKeys keys(RedisKeys keys) {
		return new RedisChatKeys(keys, new ConversationProperties(4000, Duration.ofMinutes(15)), Duration.ofHours(12),
				Duration.ofMinutes(1));
	}

	@Test
	void storesNoReadableNoteAndExpiresWithTheTranscriptOnceTheChatEnds() {
		ChatStore chats = new RedisChatStore(store.template(), this.keys, JsonMapper.builder().build(),
				RedisTestStore.encryption(), Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
		Chat chat = Chat.waiting("c9", "visitor-9", "sells-sex", null, "sv", T0).assignedTo("anna", "Anna", T0);
		chats.create(chat);
		this.notes.add(new ChatNote("c9", "n1", "Anna Counsellor", "mentions her brother Erik", T0));
		assertThat(this.notes.of("c9")).extracting(ChatNote::text).containsExactly("mentions her brother Erik");
		String key = this.keys.notes("c9");
		assertThat(store.valueOf(key)).doesNotContain("Erik").doesNotContain("brother").doesNotContain("Counsellor");
		assertThat(store.template().getExpire(key)).isGreaterThan(Duration.ofHours(12).toSeconds());

		chats.update("c9", (open) -> open.endedBy(Party.COUNSELLOR, T0.plusSeconds(60)));
		assertThat(store.template().getExpire(key)).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(16).toSeconds());
	}

}
