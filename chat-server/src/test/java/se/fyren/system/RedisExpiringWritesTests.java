package se.fyren.system;

import java.time.Duration;
import java.util.Map;

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

		String record = this.keys.of("record");
		RedisExpiringWrites.putInHash(this.redis, record, Map.of("content", "sealed", "status", "{}"),
				Duration.ofSeconds(30));
		assertThat(this.redis.<String, String>opsForHash().entries(record))
			.containsExactlyInAnyOrderEntriesOf(Map.of("content", "sealed", "status", "{}"));
		assertThat(this.redis.getExpire(record)).isBetween(1L, 30L);

		String counter = this.keys.of("counter");
		assertThat(RedisExpiringWrites.increment(this.redis, counter, Duration.ofSeconds(30))).isEqualTo(1);
		assertThat(RedisExpiringWrites.increment(this.redis, counter, Duration.ofSeconds(30))).isEqualTo(2);
		assertThat(this.redis.getExpire(counter)).isBetween(1L, 30L);
	}

	@Test
	void hashFieldsAreSetOnceKeptAtTheirLargestAndCountedWithTheHashsExpiry() {
		String hash = this.keys.of("hash");
		assertThat(RedisExpiringWrites.putInHashIfAbsent(this.redis, hash, "offer", "anna", Duration.ofMinutes(5)))
			.isTrue();
		assertThat(RedisExpiringWrites.putInHashIfAbsent(this.redis, hash, "offer", "bo", Duration.ofMinutes(5)))
			.isFalse();
		RedisExpiringWrites.putLargerInHash(this.redis, hash, "peak", 1_700_000_000_123L, Duration.ofMinutes(5));
		RedisExpiringWrites.putLargerInHash(this.redis, hash, "peak", 7, Duration.ofMinutes(5));
		assertThat(RedisExpiringWrites.incrementInHash(this.redis, hash, "count", 3, Duration.ofMinutes(5)))
			.isEqualTo(3);
		assertThat(RedisExpiringWrites.incrementInHash(this.redis, hash, "count", 4, Duration.ofMinutes(5)))
			.isEqualTo(7);
		assertThat(this.redis.<String, String>opsForHash().entries(hash))
			.containsExactlyInAnyOrderEntriesOf(Map.of("offer", "anna", "peak", "1700000000123", "count", "7"));
		assertThat(this.redis.getExpire(hash)).isBetween(1L, 300L);
	}

	@Test
	void listsGrowOrStayCappedWithTheirExpiry() {
		String list = this.keys.of("list");
		RedisExpiringWrites.appendToList(this.redis, list, "first", Duration.ofMinutes(5));
		RedisExpiringWrites.appendToList(this.redis, list, "second", Duration.ofMinutes(5));
		assertThat(this.redis.opsForList().range(list, 0, -1)).containsExactly("first", "second");
		assertThat(this.redis.getExpire(list)).isBetween(1L, 300L);

		String capped = this.keys.of("capped");
		for (int i = 1; i <= 5; i++) {
			RedisExpiringWrites.pushToCappedList(this.redis, capped, Integer.toString(i), 3, Duration.ofMinutes(5));
		}
		assertThat(this.redis.opsForList().range(capped, 0, -1)).containsExactly("5", "4", "3");
		assertThat(this.redis.getExpire(capped)).isBetween(1L, 300L);
	}

}
