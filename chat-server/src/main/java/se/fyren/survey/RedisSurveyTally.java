package se.fyren.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import se.fyren.system.RedisKeys;

/**
 * Survey counts in Redis, shared by every node: one hash of counts keyed
 * {@code day|queue|answer}, and a sorted set of answered chat ids scored by
 * when, trimmed to {@link SurveyTally#ANSWERED_MEMORY}. Adding the chat id
 * (ZADD NX) decides who counts, so two nodes never count one chat twice; a
 * node that dies between the two writes loses that one answer.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisSurveyTally implements SurveyTally {

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	RedisSurveyTally(StringRedisTemplate redis, RedisKeys keys) {
		this.redis = redis;
		this.keys = keys;
	}

	@Override
	public boolean record(String chatId, LocalDate day, String queue, SurveyAnswer answer, Instant now) {
		String answered = this.keys.of("survey:answered");
		this.redis.opsForZSet()
			.removeRangeByScore(answered, Double.NEGATIVE_INFINITY, now.minus(ANSWERED_MEMORY).toEpochMilli() - 1);
		if (!Boolean.TRUE.equals(this.redis.opsForZSet().addIfAbsent(answered, chatId, now.toEpochMilli()))) {
			return false;
		}
		this.redis.opsForHash().increment(this.keys.of("survey:counts"), day + "|" + queue + "|" + answer.name(), 1);
		return true;
	}

	@Override
	public List<SurveyCount> counts() {
		Map<Object, Object> counts = this.redis.opsForHash().entries(this.keys.of("survey:counts"));
		return counts.entrySet().stream().map((entry) -> {
			String[] parts = ((String) entry.getKey()).split("\\|", 3);
			return new SurveyCount(LocalDate.parse(parts[0]), parts[1], SurveyAnswer.valueOf(parts[2]),
					Long.parseLong((String) entry.getValue()));
		})
			.sorted(Comparator.comparing(SurveyCount::day)
				.thenComparing(SurveyCount::queue)
				.thenComparing(SurveyCount::answer))
			.toList();
	}

}
