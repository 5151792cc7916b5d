package se.fyren.system;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import se.fyren.testsupport.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the real Redis: every write leaves its value and an expiry at once.
 */
class RedisExpiringWritesTests {

	static final RedisTestStore store = new RedisTestStore();

	final RedisKeys keys = store.freshKeys();

	final StringRedisTemplate redis = store.template();

	@AfterAll
	static void removeKeys() {
		store.close();
	}

	@Test
	void aSetMemberIsAddedOnceWithTheSetsExpiry() {
		String key = this.keys.of("set");
		assertThat(RedisExpiringWrites.addToSet(this.redis, key, "anna", Duration.ofMinutes(5))).isTrue();
		assertThat(RedisExpiringWrites.addToSet(this.redis, key, "anna", Duration.ofMinutes(5))).isFalse();
		assertThat(this.redis.opsForSet().members(key)).containsExactly("anna");
		assertThat(this.redis.getExpire(key)).isBetween(1L, 300L);
	}

	@Test
	void sortedSetHashAndCounterCarryTheirExpiry() {
		String sorted = this.keys.of("sorted");
		RedisExpiringWrites.addToSortedSet(this.redis, sorted, "late", 1_700_000_000_123L, Duration.ofHours(1));
		RedisExpiringWrites.addToSortedSet(this.redis, sorted, "early", 5, Duration.ofHours(1));
		assertThat(this.redis.opsForZSet().range(sorted, 0, -1)).containsExactly("early", "late");
		assertThat(this.redis.opsForZSet().score(sorted, "late")).isEqualTo(1_700_000_000_123d);
		assertThat(this.redis.getExpire(sorted)).isBetween(3000L, 3600L);

		String hash = this.keys.of("hash");
		RedisExpiringWrites.putInHash(this.redis, hash, "field", "value", Duration.ofSeconds(30));
		assertThat(this.redis.opsForHash().get(hash, "field")).isEqualTo("value");
		assertThat(this.redis.getExpire(hash)).isBetween(1L, 30L);

		String counter = this.keys.of("counter");
		assertThat(RedisExpiringWrites.increment(this.redis, counter, Duration.ofSeconds(30))).isEqualTo(1);
		assertThat(RedisExpiringWrites.increment(this.redis, counter, Duration.ofSeconds(30))).isEqualTo(2);
		assertThat(this.redis.getExpire(counter)).isBetween(1L, 30L);
	}

}
