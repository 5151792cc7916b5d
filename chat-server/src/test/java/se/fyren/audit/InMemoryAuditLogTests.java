package se.fyren.audit;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryAuditLogTests extends AuditLogContract {

	private final InMemoryAuditLog log = new InMemoryAuditLog(Clock.systemUTC());

	@Override
	AuditLog log() {
		return this.log;
	}

	@Test
	void keepsOnlyTheLatestEntries() {
		for (int i = 0; i <= InMemoryAuditLog.CAPACITY; i++) {
			this.log.record("anna", AuditAction.TAKE_CHAT, "chat-" + i);
		}
		assertThat(this.log.latest(Integer.MAX_VALUE)).hasSize(InMemoryAuditLog.CAPACITY);
		assertThat(this.log.latest(1).get(0).chatId()).isEqualTo("chat-" + InMemoryAuditLog.CAPACITY);
	}

}
