package se.fyren.conversation;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import se.fyren.testsupport.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;

class RedisChatStoreTests extends ChatStoreContract {

	static final RedisTestStore store = new RedisTestStore();

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	static RedisChatKeys chatKeys() {
		return new RedisChatKeys(store.freshKeys(), new ConversationProperties(4000, Duration.ofMinutes(15)),
				Duration.ofHours(12), Duration.ofMinutes(1));
	}

	@Test
	void aTransferNoteIsStoredEncryptedAndReadBackPlain() {
		this.chats.create(Chat.waiting("c1", "v1", "q", null, null, T0).assignedTo("anna", "Anna", T0));
		this.chats.update("c1", (chat) -> chat.transferredTo("bo", "Bo", "canary note: Kiruna, 0731234567", T0));
		assertThat(this.chats.find("c1")).map(Chat::note).contains("canary note: Kiruna, 0731234567");
		assertThat(this.chats.activeOf("bo")).extracting(Chat::note).containsExactly("canary note: Kiruna, 0731234567");
		assertThat(store.keys()).isNotEmpty()
			.allSatisfy((key) -> assertThat(store.valueOf(key)).doesNotContain("canary").doesNotContain("Kiruna"));
	}

	@Override
	protected ChatStore createStore() {
		return new RedisChatStore(store.template(), chatKeys(), JsonMapper.builder().build(),
				RedisTestStore.encryption());
	}

}
