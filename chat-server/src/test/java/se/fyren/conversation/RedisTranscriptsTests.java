package se.fyren.conversation;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;

import se.fyren.testsupport.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;

class RedisTranscriptsTests extends TranscriptsContract {

	static final RedisTestStore store = new RedisTestStore();

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	private RedisChatKeys keys;

	@Override
	protected Transcripts createTranscripts() {
		this.keys = new RedisChatKeys(store.freshKeys(), new ConversationProperties(4000, Duration.ofMinutes(15)),
				Duration.ofHours(12), Duration.ofMinutes(1));
		return new RedisTranscripts(store.template(), this.keys, RedisTestStore.encryption());
	}

	@Test
	void aMessageStoredBeforeAuthorsWereKeptReadsWithoutOne() {
		this.transcripts.append("c1", "a", Party.COUNSELLOR, "Anna", "hej", T0);
		// An entry as written before the author field existed.
		String storedText = RedisTestStore.encryption().encrypt("hej igen", "message:c1:b");
		store.template().opsForStream().add(StreamRecords.newRecord()
			.in(this.keys.messages("c1"))
			.withId(RecordId.of(0, 2))
			.ofMap(Map.of("id", "b", "from", "COUNSELLOR", "text", storedText, "at", Long.toString(T0.toEpochMilli()))));
		assertThat(this.transcripts.after("c1", 0)).extracting(ChatMessage::author).containsExactly("Anna", null);
	}

	@Test
	void storesNoReadableTextAndEveryKeyExpires() {
		this.transcripts.append("c1", "a", Party.VISITOR, null, "plain words nobody may read", T0);
		assertThat(this.transcripts.after("c1", 0)).extracting(ChatMessage::text).containsExactly("plain words nobody may read");
		for (String key : store.keys()) {
			assertThat(store.template().getExpire(key)).as(key).isPositive();
			assertThat(store.valueOf(key)).doesNotContain("plain words").doesNotContain("nobody");
		}
	}

}
