package se.fyren.queue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import se.fyren.system.RedisKeys;

/**
 * Waiting queues in Redis, for cluster mode: one sorted set per queue, scored
 * by a per-queue arrival counter. Taking the front is {@code ZPOPMIN}, one
 * atomic command, so two nodes never get the same chat; joining is a script,
 * so a chat already waiting keeps its place. Both keys of a queue share a hash
 * tag (one Redis Cluster slot) and expire with the visitor session idle
 * timeout: nobody can wait longer than their session lives.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisWaitingQueue implements WaitingQueue {

	private static final RedisScript<Long> ADD = RedisScript.of("""
			if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
			local n = redis.call('INCR', KEYS[2])
			redis.call('ZADD', KEYS[1], n, ARGV[1])
			redis.call('PEXPIRE', KEYS[1], ARGV[2])
			redis.call('PEXPIRE', KEYS[2], ARGV[2])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Duration ttl;

	RedisWaitingQueue(StringRedisTemplate redis, RedisKeys keys,
			@Value("${fyren.visitor.session-idle-timeout:12h}") Duration ttl) {
		this.redis = redis;
		this.keys = keys;
		this.ttl = ttl;
	}

	private String line(String queueId) {
		return this.keys.tagged("queue", queueId);
	}

	private String arrivals(String queueId) {
		return this.keys.tagged("queue-arrivals", queueId);
	}

	@Override
	public void add(String queueId, String chatId) {
		this.redis.execute(ADD, List.of(line(queueId), arrivals(queueId)), chatId, Long.toString(this.ttl.toMillis()));
	}

	@Override
	public boolean remove(String queueId, String chatId) {
		Long removed = this.redis.opsForZSet().remove(line(queueId), chatId);
		return removed != null && removed > 0;
	}

	@Override
	public Optional<String> pollFirst(String queueId) {
		TypedTuple<String> first = this.redis.opsForZSet().popMin(line(queueId));
		return Optional.ofNullable(first).map(TypedTuple::getValue);
	}

	@Override
	public List<String> waiting(String queueId) {
		Set<String> line = this.redis.opsForZSet().range(line(queueId), 0, -1);
		return (line != null) ? List.copyOf(line) : List.of();
	}

}
