package se.fyren.audit;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every audit log must do.
 */
abstract class AuditLogContract {

	abstract AuditLog log();

	@Test
	void entriesComeBackNewestFirstWithWhoWhatAndWhichChat() {
		log().record("anna", AuditAction.TAKE_CHAT, "chat-1");
		log().record("sara", AuditAction.EXPORT, null);
		List<AuditEntry> latest = log().latest(10);
		assertThat(latest).extracting(AuditEntry::staff).startsWith("sara", "anna");
		assertThat(latest.get(1).action()).isEqualTo(AuditAction.TAKE_CHAT);
		assertThat(latest.get(1).chatId()).isEqualTo("chat-1");
		assertThat(latest.get(0).at()).isNotNull().isAfterOrEqualTo(latest.get(1).at());
	}

	@Test
	void theLimitIsHonoured() {
		for (int i = 0; i < 5; i++) {
			log().record("anna", AuditAction.END_CHAT, "chat-" + i);
		}
		assertThat(log().latest(3)).extracting(AuditEntry::chatId).containsExactly("chat-4", "chat-3", "chat-2");
		assertThat(log().latest(0)).isEmpty();
	}

}
