package se.fyren.conversation;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import tools.jackson.databind.json.JsonMapper;

import se.fyren.testsupport.RedisTestStore;

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

	private RedisChatKeys keys;

	@Override
	protected ChatStore createStore() {
		this.keys = chatKeys();
		return new RedisChatStore(store.template(), this.keys, JsonMapper.builder().build());
	}

	@Override
	protected ChatStore otherNode() {
		return new RedisChatStore(store.template(), this.keys, JsonMapper.builder().build());
	}

}
