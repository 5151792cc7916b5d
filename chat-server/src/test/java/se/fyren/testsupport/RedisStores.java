package se.fyren.testsupport;

import java.time.Clock;

import org.springframework.data.redis.core.StringRedisTemplate;

import se.fyren.conversation.ChatStore;
import se.fyren.system.RedisKeys;

/**
 * Redis implementations of state interfaces that live in other packages, for
 * tests that need them together.
 */
public final class RedisStores {

	private RedisStores() {
	}

	public static ChatStore chatStore(StringRedisTemplate redis, RedisKeys keys, Clock clock) {
		return se.fyren.conversation.RedisTestAccess.chatStore(redis, keys, clock);
	}

}
