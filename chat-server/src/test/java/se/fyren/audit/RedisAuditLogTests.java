package se.fyren.audit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import se.fyren.system.RedisKeys;
import se.fyren.testsupport.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;

class RedisAuditLogTests extends AuditLogContract {

	static final RedisTestStore store = new RedisTestStore();

	private RedisKeys keys;

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	@Override
	AuditLog log() {
		this.keys = store.freshKeys();
		return new RedisAuditLog(store.template(), this.keys, this.clock, RETENTION);
	}

	@Test
	void theLogExpiresInRedisTooAndThePurgeDeletesExpiredEntries() {
		RedisAuditLog log = (RedisAuditLog) log();
		log.record("anna", AuditAction.TAKE_CHAT, "old");
		assertThat(store.template().getExpire(this.keys.of("audit"))).isPositive()
			.isLessThanOrEqualTo(RETENTION.toSeconds());
		this.clock.advance(RETENTION.plusSeconds(1));
		log.purge();
		assertThat(store.template().opsForZSet().size(this.keys.of("audit"))).isZero();
	}

	@Test
	void entriesSharedByEveryNode() {
		AuditLog one = log();
		AuditLog other = new RedisAuditLog(store.template(), this.keys, this.clock, RETENTION);
		one.record("anna", AuditAction.TAKE_CHAT, "chat-1");
		other.record("bo", AuditAction.OPEN_CHAT, "chat-1");
		assertThat(one.latest(10)).extracting(AuditEntry::staff).containsExactly("bo", "anna");
	}

}
