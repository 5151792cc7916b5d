package se.fyren.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The audit log in this node's memory, for embedded mode: the latest
 * {@value #CAPACITY} entries younger than {@code fyren.retention.audit-log}.
 * It does not survive a restart; cluster mode uses {@link RedisAuditLog}.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class InMemoryAuditLog implements AuditLog {

	static final int CAPACITY = 10_000;

	private final Deque<AuditEntry> entries = new ArrayDeque<>();

	private final Clock clock;

	private final Duration retention;

	InMemoryAuditLog(Clock clock, @Value("${fyren.retention.audit-log:365d}") Duration retention) {
		this.clock = clock;
		this.retention = retention;
	}

	@Override
	public synchronized void record(String staff, AuditAction action, String chatId) {
		this.entries.addFirst(new AuditEntry(this.clock.instant(), staff, action, chatId));
		if (this.entries.size() > CAPACITY) {
			this.entries.removeLast();
		}
	}

	@Override
	public synchronized List<AuditEntry> latest(int limit) {
		purge();
		List<AuditEntry> latest = new ArrayList<>(Math.min(Math.max(limit, 0), this.entries.size()));
		Iterator<AuditEntry> newestFirst = this.entries.iterator();
		while (newestFirst.hasNext() && latest.size() < limit) {
			latest.add(newestFirst.next());
		}
		return latest;
	}

	/** Drops the entries past their retention; the oldest are at the end. */
	@Scheduled(fixedDelayString = "${fyren.retention.purge-interval:1m}")
	synchronized void purge() {
		Instant oldestKept = this.clock.instant().minus(this.retention);
		while (!this.entries.isEmpty() && this.entries.peekLast().at().isBefore(oldestKept)) {
			this.entries.removeLast();
		}
	}

}
