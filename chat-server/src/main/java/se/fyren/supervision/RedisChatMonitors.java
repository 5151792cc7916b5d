package se.fyren.supervision;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import se.fyren.system.RedisKeys;
import se.fyren.system.RedisNode;

/**
 * Who follows which chat in Redis, for cluster mode, so that whichever node
 * handles a chat's messages sends them to its followers, and the counsellor
 * is told when the first follower comes and the last goes. One hash per
 * chat, session (named with its node) to supervisor, changed by scripts so
 * that first and last are decided once across nodes. Which chats this node's
 * sessions follow is also kept in memory, since only this node sees those
 * sessions close.
 * <p>
 * Does not notice a supervisor's node that dies: its sessions count as
 * following, and the counsellor as watched, until the chat ends or the hash
 * expires a day after its last change. That errs towards telling the
 * counsellor too much, never too little.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisChatMonitors implements ChatMonitors {

	private static final Duration TTL = Duration.ofHours(24);

	private static final RedisScript<Long> START = RedisScript.of("""
			local first = redis.call('HLEN', KEYS[1]) == 0
			redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
			redis.call('PEXPIRE', KEYS[1], ARGV[3])
			if first then return 1 end
			return 0
			""", Long.class);

	private static final RedisScript<Long> STOP = RedisScript.of("""
			if redis.call('HDEL', KEYS[1], ARGV[1]) == 1 and redis.call('HLEN', KEYS[1]) == 0 then return 1 end
			return 0
			""", Long.class);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final RedisNode node;

	/** session id on this node → the chats it follows. */
	private final Map<String, Set<String>> local = new ConcurrentHashMap<>();

	RedisChatMonitors(StringRedisTemplate redis, RedisKeys keys, RedisNode node) {
		this.redis = redis;
		this.keys = keys;
		this.node = node;
	}

	private String followers(String chatId) {
		return this.keys.tagged("chat-monitors", chatId);
	}

	private String member(String sessionId) {
		return this.node.id() + "/" + sessionId;
	}

	@Override
	public Set<String> of(String chatId) {
		List<Object> usernames = this.redis.opsForHash().values(followers(chatId));
		return (usernames != null) ? Set.copyOf(usernames.stream().map(String::valueOf).toList()) : Set.of();
	}

	@Override
	public boolean start(String chatId, String sessionId, String username) {
		Long first = this.redis.execute(START, List.of(followers(chatId)), member(sessionId), username,
				Long.toString(TTL.toMillis()));
		this.local.computeIfAbsent(sessionId, (id) -> ConcurrentHashMap.newKeySet()).add(chatId);
		return first != null && first == 1;
	}

	@Override
	public boolean stop(String chatId, String sessionId) {
		this.local.computeIfPresent(sessionId, (id, chats) -> {
			chats.remove(chatId);
			return chats.isEmpty() ? null : chats;
		});
		Long last = this.redis.execute(STOP, List.of(followers(chatId)), member(sessionId));
		return last != null && last == 1;
	}

	@Override
	public List<String> followedBy(String sessionId) {
		return List.copyOf(this.local.getOrDefault(sessionId, Set.of()));
	}

}
