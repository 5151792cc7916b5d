package se.fyren.counsellor;

import java.time.Duration;
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

import se.fyren.system.RedisExpiringWrites;
import se.fyren.system.RedisKeys;
import se.fyren.system.RedisNode;
import se.fyren.system.RedisStoreProperties;

/**
 * Duty status and connections in Redis, for cluster mode. Duty is one set.
 * Connections are, per counsellor, a sorted set of the nodes holding one of
 * their sessions, scored by when that record expires (Redis server time, so
 * node clocks do not matter). Each node renews its records well within
 * {@code fyren.redis.presence-ttl}; a node that dies stops renewing and its
 * counsellors count as disconnected once the records expire.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisCounsellorPresence implements CounsellorPresence {

	private static final Logger logger = LoggerFactory.getLogger(RedisCounsellorPresence.class);

	/** Outlives any shift; renewed with every heartbeat. */
	private static final Duration DUTY_TTL = Duration.ofHours(24);

	private static final RedisScript<Long> RENEW = RedisScript.of("""
			local now = redis.call('TIME')
			local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
			redis.call('ZADD', KEYS[1], ms + tonumber(ARGV[2]), ARGV[1])
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ms)
			redis.call('PEXPIRE', KEYS[1], ARGV[2])
			return 1
			""", Long.class);

	private static final RedisScript<Long> LIVE = RedisScript.of("""
			local now = redis.call('TIME')
			local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
			return redis.call('ZCOUNT', KEYS[1], '(' .. ms, '+inf')
			""", Long.class);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final RedisNode node;

	private final Duration ttl;

	/** Sessions on this node per counsellor. */
	private final Map<String, Integer> local = new ConcurrentHashMap<>();

	RedisCounsellorPresence(StringRedisTemplate redis, RedisKeys keys, RedisNode node, RedisStoreProperties properties) {
		this.redis = redis;
		this.keys = keys;
		this.node = node;
		this.ttl = properties.presenceTtl();
	}

	private String onDutyKey() {
		return this.keys.of("counsellors-on-duty");
	}

	private String connectionsKey(String username) {
		return this.keys.of("counsellor-nodes", username);
	}

	@Override
	public void setOnDuty(String username, boolean onDuty) {
		if (onDuty) {
			RedisExpiringWrites.addToSet(this.redis, onDutyKey(), username, DUTY_TTL);
		}
		else {
			this.redis.opsForSet().remove(onDutyKey(), username);
		}
	}

	@Override
	public boolean isOnDuty(String username) {
		return Boolean.TRUE.equals(this.redis.opsForSet().isMember(onDutyKey(), username));
	}

	@Override
	public Set<String> onDuty() {
		Set<String> members = this.redis.opsForSet().members(onDutyKey());
		return (members != null) ? Set.copyOf(members) : Set.of();
	}

	@Override
	public void sessionOpened(String username) {
		this.local.merge(username, 1, Integer::sum);
		renew(username);
	}

	@Override
	public void sessionClosed(String username) {
		Integer left = this.local.computeIfPresent(username, (name, count) -> (count > 1) ? count - 1 : null);
		if (left == null) {
			this.redis.opsForZSet().remove(connectionsKey(username), this.node.id());
		}
	}

	@Override
	public boolean isConnected(String username) {
		Long live = this.redis.execute(LIVE, List.of(connectionsKey(username)));
		return live != null && live > 0;
	}

	private void renew(String username) {
		this.redis.execute(RENEW, List.of(connectionsKey(username)), this.node.id(), Long.toString(this.ttl.toMillis()));
	}

	/** Renews this node's records; a third of the TTL by default, so one missed beat is harmless. */
	@Scheduled(fixedDelayString = "${fyren.redis.presence-renew-interval:10s}")
	void heartbeat() {
		try {
			this.local.keySet().forEach(this::renew);
			if (!this.local.isEmpty()) {
				this.redis.expire(onDutyKey(), DUTY_TTL);
			}
		}
		catch (DataAccessException ex) {
			logger.warn("Could not renew counsellor presence in Redis: {}", ex.getClass().getSimpleName());
		}
	}

}
