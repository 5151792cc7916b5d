package se.fyren.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import se.fyren.system.RedisExpiringWrites;
import se.fyren.system.RedisKeys;

/**
 * Offers in Redis, for cluster mode: one hash of open offers (chat id to
 * {@code username|queue|expiry}), placed with {@code HSETNX} so one node wins,
 * withdrawn by a script that checks the counsellor; one set of decliners per
 * chat. Keys expire a day after their last change, so nothing outlives a
 * shift if a node dies mid-way.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisOffers implements Offers {

	private static final Duration TTL = Duration.ofHours(24);

	private static final RedisScript<Long> WITHDRAW = RedisScript.of("""
			local value = redis.call('HGET', KEYS[1], ARGV[1])
			if value and string.sub(value, 1, #ARGV[2] + 1) == ARGV[2] .. '|' then
			  redis.call('HDEL', KEYS[1], ARGV[1])
			  return 1
			end
			return 0
			""", Long.class);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	RedisOffers(StringRedisTemplate redis, RedisKeys keys) {
		this.redis = redis;
		this.keys = keys;
	}

	private String offers() {
		return this.keys.of("offers");
	}

	private String declined(String chatId) {
		return this.keys.of("offer-declined", chatId);
	}

	@Override
	public boolean place(PendingOffer offer) {
		String value = offer.username() + "|" + offer.queue() + "|" + offer.expiresAt().toEpochMilli();
		return RedisExpiringWrites.putInHashIfAbsent(this.redis, offers(), offer.chatId(), value, TTL);
	}

	@Override
	public Optional<PendingOffer> find(String chatId) {
		Object value = this.redis.opsForHash().get(offers(), chatId);
		return Optional.ofNullable(value).map((stored) -> parse(chatId, (String) stored));
	}

	@Override
	public boolean withdraw(String chatId, String username) {
		Long removed = this.redis.execute(WITHDRAW, List.of(offers()), chatId, username);
		return removed != null && removed > 0;
	}

	@Override
	public List<PendingOffer> all() {
		Map<Object, Object> all = this.redis.opsForHash().entries(offers());
		return all.entrySet().stream().map((entry) -> parse((String) entry.getKey(), (String) entry.getValue())).toList();
	}

	@Override
	public void declined(String chatId, String username) {
		RedisExpiringWrites.addToSet(this.redis, declined(chatId), username, TTL);
	}

	@Override
	public Set<String> declinedBy(String chatId) {
		Set<String> members = this.redis.opsForSet().members(declined(chatId));
		return (members != null) ? Set.copyOf(members) : Set.of();
	}

	@Override
	public void forget(String chatId) {
		this.redis.opsForHash().delete(offers(), chatId);
		this.redis.delete(declined(chatId));
	}

	private static PendingOffer parse(String chatId, String value) {
		int first = value.indexOf('|');
		int last = value.lastIndexOf('|');
		return new PendingOffer(chatId, value.substring(0, first), value.substring(first + 1, last),
				Instant.ofEpochMilli(Long.parseLong(value.substring(last + 1))));
	}

}
