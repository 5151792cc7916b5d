package se.fyren.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryAuditLogTests extends AuditLogContract {

	@Override
	AuditLog log() {
		return new InMemoryAuditLog(this.clock, RETENTION);
	}

	@Test
	void keepsOnlyTheLatestEntries() {
		AuditLog log = log();
		for (int i = 0; i <= InMemoryAuditLog.CAPACITY; i++) {
			log.record("anna", AuditAction.TAKE_CHAT, "chat-" + i);
		}
		assertThat(log.latest(Integer.MAX_VALUE)).hasSize(InMemoryAuditLog.CAPACITY);
		assertThat(log.latest(1).get(0).chatId()).isEqualTo("chat-" + InMemoryAuditLog.CAPACITY);
	}

}
