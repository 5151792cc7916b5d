package se.fyren.letterbox;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import se.fyren.testsupport.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;

class RedisLetterboxTests extends LetterboxContract {

	static final RedisTestStore store = new RedisTestStore();

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	@Override
	protected Letterbox createLetterbox() {
		return new RedisLetterbox(store.template(), store.freshKeys(), JsonMapper.builder().build(),
				RedisTestStore.encryption(), new LetterboxProperties(Duration.ofDays(14), 4000));
	}

	@Test
	void storesNoReadableTextAndEveryKeyExpires() {
		this.letterbox.save(new Letter("l9", "hash-l9", "youth", "plain words nobody may read", null, T0, null, null, null));
		this.letterbox.update("l9", (letter) -> letter.answeredWith("an answer just as private", "anna", T0));
		assertThat(this.letterbox.find("l9")).map(Letter::answer).contains("an answer just as private");
		for (String key : store.keys()) {
			assertThat(store.template().getExpire(key)).as(key).isPositive();
			assertThat(store.valueOf(key)).doesNotContain("plain words").doesNotContain("just as private");
		}
	}

}
