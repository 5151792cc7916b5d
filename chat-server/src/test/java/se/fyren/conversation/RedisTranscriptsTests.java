package se.fyren.conversation;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import se.fyren.testsupport.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;

class RedisTranscriptsTests extends TranscriptsContract {

	static final RedisTestStore store = new RedisTestStore();

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	@Override
	protected Transcripts createTranscripts() {
		RedisChatKeys keys = new RedisChatKeys(store.freshKeys(), new ConversationProperties(4000, Duration.ofMinutes(15)),
				Duration.ofHours(12), Duration.ofMinutes(1));
		return new RedisTranscripts(store.template(), keys, RedisTestStore.encryption());
	}

	@Test
	void storesNoReadableTextAndEveryKeyExpires() {
		this.transcripts.append("c1", "a", Party.VISITOR, "plain words nobody may read", T0);
		assertThat(this.transcripts.after("c1", 0)).extracting(ChatMessage::text).containsExactly("plain words nobody may read");
		for (String key : store.keys()) {
			assertThat(store.template().getExpire(key)).as(key).isPositive();
			assertThat(store.valueOf(key)).doesNotContain("plain words").doesNotContain("nobody");
		}
	}

}
