package se.fyren.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.fyren.system.RedisExpiringWrites;
import se.fyren.system.RedisKeys;

/**
 * The audit log in Redis, for cluster mode: one sorted set shared by every
 * node, scored by the time of the entry, so staff actions on any node read as
 * one trail. Entries older than {@code fyren.retention.audit-log} are removed
 * on every write and every purge, and the whole set expires that long after
 * its last write. An entry holds no visitor data, so it is stored readable.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisAuditLog implements AuditLog {

	/**
	 * Fields of a member: a sequence number (so equal entries in one
	 * millisecond stay two, in the order they were written), action, chat id,
	 * staff.
	 */
	private static final String SEPARATOR = "|";

	private final StringRedisTemplate redis;

	private final String key;

	private final String sequenceKey;

	private final Clock clock;

	private final Duration retention;

	RedisAuditLog(StringRedisTemplate redis, RedisKeys keys, Clock clock,
			@Value("${fyren.retention.audit-log:365d}") Duration retention) {
		this.redis = redis;
		this.key = keys.of("audit");
		this.sequenceKey = keys.of("audit-sequence");
		this.clock = clock;
		this.retention = retention;
	}

	@Override
	public void record(String staff, AuditAction action, String chatId) {
		Instant now = this.clock.instant();
		long sequence = RedisExpiringWrites.increment(this.redis, this.sequenceKey, this.retention);
		// Zero-padded, so that entries of the same millisecond sort by sequence.
		String member = String.join(SEPARATOR, String.format("%019d", sequence), action.name(),
				(chatId != null) ? chatId : "", staff);
		RedisExpiringWrites.addToSortedSet(this.redis, this.key, member, now.toEpochMilli(), this.retention);
		purge();
	}

	@Override
	public List<AuditEntry> latest(int limit) {
		if (limit <= 0) {
			return List.of();
		}
		Set<TypedTuple<String>> newestFirst = this.redis.opsForZSet()
			.reverseRangeByScoreWithScores(this.key, oldestKept(), Double.POSITIVE_INFINITY, 0, limit);
		if (newestFirst == null) {
			return List.of();
		}
		return newestFirst.stream().map(RedisAuditLog::entry).toList();
	}

	/** Removes the entries past their retention. */
	@Scheduled(fixedDelayString = "${fyren.retention.purge-interval:1m}")
	void purge() {
		this.redis.opsForZSet().removeRangeByScore(this.key, Double.NEGATIVE_INFINITY, Math.nextDown(oldestKept()));
	}

	private double oldestKept() {
		return this.clock.instant().minus(this.retention).toEpochMilli();
	}

	private static AuditEntry entry(TypedTuple<String> tuple) {
		String[] fields = tuple.getValue().split("\\" + SEPARATOR, 4);
		return new AuditEntry(Instant.ofEpochMilli(tuple.getScore().longValue()), fields[3],
				AuditAction.valueOf(fields[1]), fields[2].isEmpty() ? null : fields[2]);
	}

}
