package se.fyren.supervision;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.fyren.system.RedisKeys;
import se.fyren.system.RedisNode;
import se.fyren.system.RedisStoreProperties;

/**
 * Who follows which chat in Redis, for cluster mode: per chat a sorted set
 * of following sessions ({@code <node>:<session>|<username>}, session ids
 * being unique per node only), scored by when the entry expires in Redis
 * server time. Each node renews the entries of its own sessions well within
 * {@code fyren.redis.presence-ttl}; a node that dies stops renewing, and its
 * supervisors stop counting as followers once their entries expire.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisChatMonitors implements ChatMonitors {

	private static final Logger logger = LoggerFactory.getLogger(RedisChatMonitors.class);

	private static final String NOW = """
			local now = redis.call('TIME')
			local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ms)
			""";

	/** Adds or renews a follower; 1 when the chat had no follower before. */
	private static final RedisScript<Long> START = RedisScript.of(NOW + """
			local before = redis.call('ZCARD', KEYS[1])
			redis.call('ZADD', KEYS[1], ms + tonumber(ARGV[2]), ARGV[1])
			redis.call('PEXPIRE', KEYS[1], ARGV[2])
			if before == 0 then return 1 end
			return 0
			""", Long.class);

	/** Removes a follower; 1 when it was following and nobody follows now. */
	private static final RedisScript<Long> STOP = RedisScript.of(NOW + """
			local removed = redis.call('ZREM', KEYS[1], ARGV[1])
			if redis.call('ZCARD', KEYS[1]) == 0 then
			  redis.call('DEL', KEYS[1])
			  return removed
			end
			return 0
			""", Long.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> LIVE = RedisScript.of(NOW + """
			return redis.call('ZRANGE', KEYS[1], 0, -1)
			""", List.class);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final RedisNode node;

	private final Duration ttl;

	/** This node's following sessions: session id → (chat id → username). */
	private final Map<String, Map<String, String>> local = new ConcurrentHashMap<>();

	RedisChatMonitors(StringRedisTemplate redis, RedisKeys keys, RedisNode node, RedisStoreProperties properties) {
		this.redis = redis;
		this.keys = keys;
		this.node = node;
		this.ttl = properties.presenceTtl();
	}

	@Override
	public Set<String> of(String chatId) {
		List<?> members = this.redis.execute(LIVE, List.of(key(chatId)));
		if (members == null || members.isEmpty()) {
			return Set.of();
		}
		Set<String> usernames = new LinkedHashSet<>();
		for (Object member : members) {
			String entry = (String) member;
			usernames.add(entry.substring(entry.indexOf('|') + 1));
		}
		return Set.copyOf(usernames);
	}

	@Override
	public boolean start(String chatId, String sessionId, String username) {
		this.local.computeIfAbsent(sessionId, (id) -> new ConcurrentHashMap<>()).put(chatId, username);
		return Long.valueOf(1).equals(renew(chatId, sessionId, username));
	}

	@Override
	public boolean stop(String chatId, String sessionId) {
		Map<String, String> chats = this.local.get(sessionId);
		String username = (chats != null) ? chats.remove(chatId) : null;
		if (chats != null && chats.isEmpty()) {
			this.local.remove(sessionId, chats);
		}
		if (username == null) {
			return false;
		}
		return Long.valueOf(1).equals(this.redis.execute(STOP, List.of(key(chatId)), member(sessionId, username)));
	}

	@Override
	public List<String> followedBy(String sessionId) {
		Map<String, String> chats = this.local.get(sessionId);
		return (chats != null) ? List.copyOf(chats.keySet()) : List.of();
	}

	/** Renews this node's entries; a third of the TTL by default, so one missed beat is harmless. */
	@Scheduled(fixedDelayString = "${fyren.redis.presence-renew-interval:10s}")
	void heartbeat() {
		try {
			this.local.forEach((sessionId, chats) -> chats
				.forEach((chatId, username) -> renew(chatId, sessionId, username)));
		}
		catch (DataAccessException ex) {
			logger.warn("Could not renew chat monitoring in Redis: {}", ex.getClass().getSimpleName());
		}
	}

	private Long renew(String chatId, String sessionId, String username) {
		return this.redis.execute(START, List.of(key(chatId)), member(sessionId, username),
				Long.toString(this.ttl.toMillis()));
	}

	private String member(String sessionId, String username) {
		return this.node.id() + ":" + sessionId + "|" + username;
	}

	private String key(String chatId) {
		return this.keys.of("chat-monitors", chatId);
	}

}
