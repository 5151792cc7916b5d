package se.fyren.conversation;

import java.time.Clock;
import java.time.Duration;

import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

import se.fyren.system.RedisKeys;
import se.fyren.testsupport.RedisTestStore;

/**
 * Builds this package's Redis stores for tests in other packages.
 */
public final class RedisTestAccess {

	private RedisTestAccess() {
	}

	public static ChatStore chatStore(StringRedisTemplate redis, RedisKeys keys, Clock clock) {
		RedisChatKeys chatKeys = new RedisChatKeys(keys, new ConversationProperties(4000, Duration.ofMinutes(15)),
				Duration.ofHours(12), Duration.ofMinutes(1));
		return new RedisChatStore(redis, chatKeys, JsonMapper.builder().build(), RedisTestStore.encryption(), clock);
	}

}
