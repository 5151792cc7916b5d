package se.fyren.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.fyren.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every audit log must do.
 */
abstract class AuditLogContract {

	static final Duration RETENTION = Duration.ofDays(30);

	final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));

	/** A fresh, empty log on {@link #clock} keeping entries for {@link #RETENTION}. */
	abstract AuditLog log();

	@Test
	void entriesComeBackNewestFirstWithWhoWhatAndWhichChat() {
		AuditLog log = log();
		log.record("anna", AuditAction.TAKE_CHAT, "chat-1");
		this.clock.advance(Duration.ofSeconds(1));
		log.record("sara", AuditAction.EXPORT, null);
		List<AuditEntry> latest = log.latest(10);
		assertThat(latest).containsExactly(
				new AuditEntry(Instant.parse("2026-03-02T08:00:01Z"), "sara", AuditAction.EXPORT, null),
				new AuditEntry(Instant.parse("2026-03-02T08:00:00Z"), "anna", AuditAction.TAKE_CHAT, "chat-1"));
	}

	@Test
	void entriesOfTheSameMomentKeepTheirOrderAndAreNotMerged() {
		AuditLog log = log();
		log.record("anna", AuditAction.OPEN_CHAT, "chat-1");
		log.record("bo", AuditAction.OPEN_CHAT, "chat-1");
		log.record("anna", AuditAction.OPEN_CHAT, "chat-1");
		assertThat(log.latest(10)).extracting(AuditEntry::staff).containsExactly("anna", "bo", "anna");
	}

	@Test
	void theLimitIsHonoured() {
		AuditLog log = log();
		for (int i = 0; i < 5; i++) {
			log.record("anna", AuditAction.END_CHAT, "chat-" + i);
		}
		assertThat(log.latest(3)).extracting(AuditEntry::chatId).containsExactly("chat-4", "chat-3", "chat-2");
		assertThat(log.latest(0)).isEmpty();
	}

	@Test
	void staffNamesAreKeptAsWritten() {
		AuditLog log = log();
		log.record("anna|admin", AuditAction.BLOCK, "chat-1");
		assertThat(log.latest(1)).extracting(AuditEntry::staff).containsExactly("anna|admin");
	}

	@Test
	void entriesExpireAfterTheRetention() {
		AuditLog log = log();
		log.record("anna", AuditAction.TAKE_CHAT, "old");
		this.clock.advance(Duration.ofDays(10));
		log.record("bo", AuditAction.TAKE_CHAT, "younger");
		this.clock.advance(RETENTION.minus(Duration.ofDays(10)));
		assertThat(log.latest(10)).extracting(AuditEntry::chatId).containsExactly("younger", "old");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(log.latest(10)).extracting(AuditEntry::chatId).containsExactly("younger");
		this.clock.advance(Duration.ofDays(10));
		assertThat(log.latest(10)).isEmpty();
	}

}
