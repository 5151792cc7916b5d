package se.fyren.supervision;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import se.fyren.system.RedisExpiringWrites;
import se.fyren.system.RedisKeys;

/**
 * Hourly aggregates in Redis, for cluster mode: every node adds to the same
 * hours. Per queue and hour one hash (counts, the hour's largest staffing
 * sample, outcome counts) and one list of waits in milliseconds; per queue a
 * sorted set indexes its hours. Everything expires after the history window,
 * so Redis forgets by itself; {@link #forgetBefore} only trims the index.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisQueueStatistics implements QueueStatistics {

	private static final String OUTCOME = "outcome:";

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Duration keep;

	RedisQueueStatistics(StringRedisTemplate redis, RedisKeys keys, SupervisionProperties properties) {
		this.redis = redis;
		this.keys = keys;
		// A day more than the window, so a whole last day is still there when it is read.
		this.keep = Duration.ofDays(properties.historyDays() + 1L);
	}

	@Override
	public void arrived(String queue, Instant at) {
		increment(queue, at, "arrivals");
	}

	@Override
	public void answered(String queue, Instant at, Duration waited) {
		long hour = hourOf(at);
		RedisExpiringWrites.appendToList(this.redis, waitsKey(queue, hour), Long.toString(waited.toMillis()), this.keep);
		touch(queue, hour);
	}

	@Override
	public void abandoned(String queue, Instant at) {
		increment(queue, at, "abandoned");
	}

	@Override
	public void staffed(String queue, Instant at, int onDuty) {
		long hour = hourOf(at);
		RedisExpiringWrites.putLargerInHash(this.redis, hourKey(queue, hour), "maxOnDuty", onDuty, this.keep);
		touch(queue, hour);
	}

	@Override
	public void outcome(String queue, Instant at, String outcome) {
		increment(queue, at, OUTCOME + outcome);
	}

	@Override
	public List<HourFigures> hours(String queue, Instant from, Instant to) {
		if (!from.isBefore(to)) {
			return List.of();
		}
		Set<String> hours = this.redis.opsForZSet()
			.rangeByScore(indexKey(queue), from.getEpochSecond(), to.getEpochSecond() - 1);
		if (hours == null || hours.isEmpty()) {
			return List.of();
		}
		List<Long> starts = hours.stream().map(Long::valueOf).sorted().toList();
		List<Object> read = this.redis.executePipelined(new RedisHourReads(this, queue, starts));
		List<HourFigures> figures = new ArrayList<>();
		for (int i = 0; i < starts.size(); i++) {
			Map<?, ?> counts = (Map<?, ?>) read.get(2 * i);
			List<?> waits = (List<?>) read.get(2 * i + 1);
			Map<String, Integer> outcomes = new HashMap<>();
			counts.forEach((field, value) -> {
				if (field.toString().startsWith(OUTCOME)) {
					outcomes.put(field.toString().substring(OUTCOME.length()), Integer.valueOf(value.toString()));
				}
			});
			figures.add(new HourFigures(Instant.ofEpochSecond(starts.get(i)), count(counts, "arrivals"),
					waits.stream().map((wait) -> Duration.ofMillis(Long.parseLong(wait.toString()))).toList(),
					count(counts, "abandoned"), count(counts, "maxOnDuty"), outcomes));
		}
		return figures;
	}

	@Override
	public void forgetBefore(Instant cutoff) {
		Set<String> queues = this.redis.opsForSet().members(queuesKey());
		if (queues != null) {
			queues.forEach((queue) -> this.redis.opsForZSet()
				.removeRangeByScore(indexKey(queue), Double.NEGATIVE_INFINITY, cutoff.getEpochSecond() - 1));
		}
	}

	private void increment(String queue, Instant at, String field) {
		long hour = hourOf(at);
		RedisExpiringWrites.incrementInHash(this.redis, hourKey(queue, hour), field, 1, this.keep);
		touch(queue, hour);
	}

	/** Indexes the hour, so reading a range needs no scan. */
	private void touch(String queue, long hour) {
		RedisExpiringWrites.addToSortedSet(this.redis, indexKey(queue), Long.toString(hour), hour, this.keep);
		RedisExpiringWrites.addToSet(this.redis, queuesKey(), queue, this.keep);
	}

	/** Reads each hour's hash and waits in one round trip. */
	private record RedisHourReads(RedisQueueStatistics statistics, String queue,
			List<Long> starts) implements SessionCallback<Object> {

		@Override
		@SuppressWarnings("unchecked")
		public <K, V> Object execute(RedisOperations<K, V> operations) {
			RedisOperations<String, String> ops = (RedisOperations<String, String>) operations;
			for (long hour : this.starts) {
				ops.opsForHash().entries(this.statistics.hourKey(this.queue, hour));
				ops.opsForList().range(this.statistics.waitsKey(this.queue, hour), 0, -1);
			}
			return null;
		}

	}

	private static int count(Map<?, ?> counts, String field) {
		Object value = counts.get(field);
		return (value != null) ? Integer.parseInt(value.toString()) : 0;
	}

	private static long hourOf(Instant at) {
		return at.truncatedTo(ChronoUnit.HOURS).getEpochSecond();
	}

	private String hourKey(String queue, long hour) {
		return this.keys.tagged("stats", queue) + ":" + hour;
	}

	private String waitsKey(String queue, long hour) {
		return hourKey(queue, hour) + ":waits";
	}

	private String indexKey(String queue) {
		return this.keys.tagged("stats-hours", queue);
	}

	private String queuesKey() {
		return this.keys.of("stats-queues");
	}

}
