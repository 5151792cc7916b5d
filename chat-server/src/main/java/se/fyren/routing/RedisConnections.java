package se.fyren.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Connections in Redis, for cluster mode. Per participant, a set of open
 * sessions (each named with the node that holds it) and, when there are none,
 * since when; both share the participant as hash tag and change together in
 * scripts.
 * <p>
 * A node that dies closes nothing, so nodes watch each other: each keeps a
 * liveness key that expires after {@code fyren.redis.presence-ttl} unless it
 * renews it, and a list of the participants it holds sessions of. A node that
 * finds another's liveness key gone takes that node's sessions away; a
 * participant left with none counts as disconnected from that moment, and
 * the usual grace periods run from there. Reaping is idempotent, so several
 * nodes may do it at once.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisConnections implements Connections {

	private static final Logger logger = LoggerFactory.getLogger(RedisConnections.class);

	private static final Duration TTL = Duration.ofHours(24);

	private static final RedisScript<Long> CONNECTED = RedisScript.of("""
			redis.call('SADD', KEYS[1], ARGV[1])
			redis.call('PEXPIRE', KEYS[1], ARGV[2])
			redis.call('DEL', KEYS[2])
			return 1
			""", Long.class);

	private static final RedisScript<Long> DISCONNECTED = RedisScript.of("""
			redis.call('SREM', KEYS[1], ARGV[1])
			if redis.call('SCARD', KEYS[1]) == 0 and redis.call('EXISTS', KEYS[2]) == 0 then
			  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
			end
			return 1
			""", Long.class);

	/** Takes away every session of one dead node; gone from now if nothing else is left. */
	private static final RedisScript<Long> REAP = RedisScript.of("""
			local removed = 0
			for _, member in ipairs(redis.call('SMEMBERS', KEYS[1])) do
			  if string.sub(member, 1, string.len(ARGV[1])) == ARGV[1] then
			    removed = removed + redis.call('SREM', KEYS[1], member)
			  end
			end
			if removed > 0 and redis.call('SCARD', KEYS[1]) == 0 and redis.call('EXISTS', KEYS[2]) == 0 then
			  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
			end
			return removed
			""", Long.class);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final RedisNode node;

	private final Duration liveness;

	private final Clock clock;

	/** Sessions this node holds, per participant, to re-register them should others have reaped this node. */
	private final Map<String, Set<String>> local = new ConcurrentHashMap<>();

	RedisConnections(StringRedisTemplate redis, RedisKeys keys, RedisNode node, RedisStoreProperties properties,
			Clock clock) {
		this.redis = redis;
		this.keys = keys;
		this.node = node;
		this.liveness = properties.presenceTtl();
		this.clock = clock;
	}

	private String sessions(String participant) {
		return this.keys.tagged("sessions", participant);
	}

	private String gone(String participant) {
		return this.keys.tagged("participant-gone", participant);
	}

	private String alive(String nodeId) {
		return this.keys.of("node-alive", nodeId);
	}

	private String nodes() {
		return this.keys.of("nodes");
	}

	private String heldBy(String nodeId) {
		return this.keys.of("node-participants", nodeId);
	}

	private String member(String sessionId) {
		return this.node.id() + "/" + sessionId;
	}

	@Override
	public void connected(String participant, String sessionId) {
		this.local.computeIfAbsent(participant, (name) -> ConcurrentHashMap.newKeySet()).add(sessionId);
		register(participant, sessionId);
	}

	private void register(String participant, String sessionId) {
		RedisExpiringWrites.addToSet(this.redis, heldBy(this.node.id()), participant, TTL);
		this.redis.execute(CONNECTED, List.of(sessions(participant), gone(participant)), member(sessionId),
				Long.toString(TTL.toMillis()));
	}

	@Override
	public void disconnected(String participant, String sessionId, Instant at) {
		Set<String> left = this.local.computeIfPresent(participant, (name, open) -> {
			open.remove(sessionId);
			return open.isEmpty() ? null : open;
		});
		this.redis.execute(DISCONNECTED, List.of(sessions(participant), gone(participant)), member(sessionId),
				Long.toString(at.toEpochMilli()), Long.toString(TTL.toMillis()));
		if (left == null) {
			this.redis.opsForSet().remove(heldBy(this.node.id()), participant);
		}
	}

	@Override
	public Optional<Instant> disconnectedSince(String participant) {
		String value = this.redis.opsForValue().get(gone(participant));
		return Optional.ofNullable(value).map((millis) -> Instant.ofEpochMilli(Long.parseLong(millis)));
	}

	/**
	 * Confirms that this node lives, then reaps nodes that no longer do.
	 * Renewed several times per liveness period, so one missed beat is
	 * harmless.
	 */
	@Scheduled(fixedDelayString = "${fyren.redis.presence-renew-interval:10s}")
	void heartbeat() {
		try {
			this.redis.opsForValue().set(alive(this.node.id()), "1", this.liveness);
			boolean added = RedisExpiringWrites.addToSet(this.redis, nodes(), this.node.id(), TTL);
			// Whom this node holds must outlive quiet days without new connections.
			this.redis.expire(heldBy(this.node.id()), TTL);
			if (added) {
				// New, or reaped by others while this node could not reach Redis.
				this.local.forEach((participant, open) -> open.forEach((session) -> register(participant, session)));
			}
			reapDeadNodes();
		}
		catch (DataAccessException ex) {
			logger.warn("Could not confirm this node's connections in Redis: {}", ex.getClass().getSimpleName());
		}
	}

	private void reapDeadNodes() {
		Set<String> known = this.redis.opsForSet().members(nodes());
		if (known == null) {
			return;
		}
		for (String other : known) {
			if (other.equals(this.node.id()) || Boolean.TRUE.equals(this.redis.hasKey(alive(other)))) {
				continue;
			}
			Set<String> participants = this.redis.opsForSet().members(heldBy(other));
			String at = Long.toString(this.clock.millis());
			int dropped = 0;
			for (String participant : (participants != null) ? participants : Set.<String>of()) {
				Long removed = this.redis.execute(REAP, List.of(sessions(participant), gone(participant)), other + "/",
						at, Long.toString(TTL.toMillis()));
				dropped += (removed != null) ? removed.intValue() : 0;
			}
			this.redis.delete(heldBy(other));
			this.redis.opsForSet().remove(nodes(), other);
			logger.info("A node stopped answering; {} of its sessions are taken for closed", dropped);
		}
	}

}
