package se.fyren.handover;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import se.fyren.system.RedisExpiringWrites;
import se.fyren.system.RedisKeys;

/**
 * Handover records in Redis, for cluster mode. A proposal is one string per
 * chat that expires with its lifetime; a record is one hash (sealed content
 * and plain status) that Redis expires at the record's expiry, plus its
 * reference in a sorted set scored by that expiry, which the purge trims.
 * Nothing readable about the visitor is written: the content is sealed
 * before it leaves this node.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisHandoverRecords implements HandoverRecords {

	private static final RedisScript<Long> UPDATE_IF_PRESENT = RedisScript.of("""
			if redis.call('EXISTS', KEYS[1]) == 1 then
			  redis.call('HSET', KEYS[1], 'status', ARGV[1])
			  return 1
			end
			return 0
			""", Long.class);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final HandoverSealing sealing;

	private final HandoverProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	RedisHandoverRecords(StringRedisTemplate redis, RedisKeys keys, HandoverSealing sealing,
			HandoverProperties properties, JsonMapper json, Clock clock) {
		this.clock = clock;
		this.redis = redis;
		this.keys = keys;
		this.sealing = sealing;
		this.properties = properties;
		this.json = json;
	}

	@Override
	public void propose(HandoverProposal proposal) {
		this.redis.opsForValue()
			.set(proposalKey(proposal.chatId()),
					this.sealing.seal(proposal, HandoverSealing.proposalContext(proposal.chatId())),
					this.properties.proposalLifetime());
	}

	@Override
	public Optional<HandoverProposal> proposal(String chatId) {
		return Optional.ofNullable(this.redis.opsForValue().get(proposalKey(chatId)))
			.map((sealed) -> this.sealing.open(sealed, HandoverSealing.proposalContext(chatId), HandoverProposal.class));
	}

	@Override
	public void discardProposal(String chatId) {
		this.redis.delete(proposalKey(chatId));
	}

	@Override
	public void store(Handover handover, HandoverStatus status) {
		String key = recordKey(handover.reference());
		// Relative to this node's clock: Redis counts the time to live with its own.
		Duration ttl = Duration.between(this.clock.instant(), status.expiresAt());
		RedisExpiringWrites.putInHash(this.redis, key,
				Map.of("content", this.sealing.seal(handover, HandoverSealing.recordContext(handover.reference())),
						"status", this.json.writeValueAsString(status)),
				(ttl.compareTo(Duration.ZERO) > 0) ? ttl : Duration.ofMillis(1));
		this.redis.opsForZSet().add(index(), handover.reference(), status.expiresAt().toEpochMilli());
	}

	@Override
	public Optional<Handover> content(String reference) {
		return Optional.ofNullable((String) this.redis.opsForHash().get(recordKey(reference), "content"))
			.map((sealed) -> this.sealing.open(sealed, HandoverSealing.recordContext(reference), Handover.class));
	}

	@Override
	public Optional<HandoverStatus> status(String reference) {
		return Optional.ofNullable((String) this.redis.opsForHash().get(recordKey(reference), "status"))
			.map((status) -> this.json.readValue(status, HandoverStatus.class));
	}

	@Override
	public List<HandoverStatus> statuses() {
		Set<String> references = this.redis.opsForZSet().reverseRange(index(), 0, -1);
		List<HandoverStatus> statuses = new ArrayList<>();
		if (references != null) {
			references.forEach((reference) -> status(reference).ifPresent(statuses::add));
		}
		statuses.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
		return statuses;
	}

	@Override
	public void update(HandoverStatus status) {
		this.redis.execute(UPDATE_IF_PRESENT, List.of(recordKey(status.reference())),
				this.json.writeValueAsString(status));
	}

	@Override
	public boolean claimAttempt(String reference, Instant dueAt, Duration lease) {
		// SET NX PX: atomic in Redis, so of all nodes exactly one gets it; the lease frees it if that node dies.
		return Boolean.TRUE.equals(this.redis.opsForValue()
			.setIfAbsent(this.keys.of("handover-attempt", reference + "@" + dueAt.toEpochMilli()), "claimed",
					lease));
	}

	@Override
	public int purgeExpired(Instant now) {
		Set<String> expired = this.redis.opsForZSet().rangeByScore(index(), Double.NEGATIVE_INFINITY, now.toEpochMilli());
		if (expired == null || expired.isEmpty()) {
			return 0;
		}
		// Redis has usually dropped the hashes already; deleting again is harmless.
		this.redis.delete(expired.stream().map(this::recordKey).toList());
		this.redis.opsForZSet().remove(index(), expired.toArray());
		return expired.size();
	}

	private String proposalKey(String chatId) {
		return this.keys.tagged("handover-proposal", chatId);
	}

	private String recordKey(String reference) {
		return this.keys.tagged("handover", reference);
	}

	private String index() {
		return this.keys.of("handovers");
	}

}
