package se.fyren.staff;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import se.fyren.system.RedisExpiringWrites;
import se.fyren.system.RedisKeys;

/**
 * Signed-in accounts in Redis, for cluster mode: one hash, username to the
 * account as JSON (username, display name, roles, queues, languages, age
 * bands, capacity; no password, no token). It expires
 * {@link #TTL} after the latest sign-in, which outlives any staff session.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisSignedInStaff implements SignedInStaff {

	static final Duration TTL = Duration.ofDays(30);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final JsonMapper json;

	RedisSignedInStaff(StringRedisTemplate redis, RedisKeys keys, JsonMapper json) {
		this.redis = redis;
		this.keys = keys;
		this.json = json;
	}

	private String accounts() {
		return this.keys.of("staff-signed-in");
	}

	@Override
	public void remember(StaffProperties.Account account) {
		RedisExpiringWrites.putInHash(this.redis, accounts(), account.username(), this.json.writeValueAsString(account), TTL);
	}

	@Override
	public Optional<StaffProperties.Account> find(String username) {
		Object stored = this.redis.opsForHash().get(accounts(), username);
		return Optional.ofNullable(stored).map(this::read);
	}

	@Override
	public Collection<StaffProperties.Account> all() {
		Map<Object, Object> stored = this.redis.opsForHash().entries(accounts());
		return stored.values().stream().map(this::read).toList();
	}

	private StaffProperties.Account read(Object stored) {
		return this.json.readValue((String) stored, StaffProperties.Account.class);
	}

}
