package se.fyren.statistics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import se.fyren.system.RedisExpiringWrites;
import se.fyren.system.RedisKeys;

/**
 * Daily counts in Redis, for cluster mode: one hash per day whose fields are
 * {@code queue|category|value|count} and {@code ...|seconds}, incremented
 * atomically by every node. Aggregates only, so stored readable; each day's
 * hash expires after the statistics retention.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisDailyCounts implements DailyCounts {

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Duration retention;

	RedisDailyCounts(StringRedisTemplate redis, RedisKeys keys,
			@Value("${fyren.retention.statistics:800d}") Duration retention) {
		this.redis = redis;
		this.keys = keys;
		this.retention = retention;
	}

	@Override
	public void add(LocalDate day, String queue, String category, String value, long seconds) {
		String field = String.join("|", queue, category, value);
		RedisExpiringWrites.incrementInHash(this.redis, key(day), field + "|count", 1, this.retention);
		if (seconds != 0) {
			RedisExpiringWrites.incrementInHash(this.redis, key(day), field + "|seconds", seconds, this.retention);
		}
	}

	@Override
	public List<Cell> between(LocalDate from, LocalDate to) {
		List<Cell> cells = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			Map<Object, Object> fields = this.redis.opsForHash().entries(key(day));
			for (Map.Entry<Object, Object> entry : fields.entrySet()) {
				String field = (String) entry.getKey();
				if (!field.endsWith("|count")) {
					continue;
				}
				String cell = field.substring(0, field.length() - "|count".length());
				String[] parts = cell.split("\\|", 3);
				Object seconds = fields.get(cell + "|seconds");
				cells.add(new Cell(day, parts[0], parts[1], parts[2], Long.parseLong((String) entry.getValue()),
						(seconds != null) ? Long.parseLong((String) seconds) : 0));
			}
		}
		return cells;
	}

	private String key(LocalDate day) {
		return this.keys.of("statistics", day.toString());
	}

}
