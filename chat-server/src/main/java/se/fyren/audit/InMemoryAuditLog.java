package se.fyren.audit;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The audit log in this node's memory: the latest {@value #CAPACITY}
 * entries. It does not survive a restart, and in cluster mode each node keeps
 * its own; a durable, shared audit trail needs another implementation.
 */
@Component
class InMemoryAuditLog implements AuditLog {

	static final int CAPACITY = 10_000;

	private final Deque<AuditEntry> entries = new ArrayDeque<>();

	private final Clock clock;

	InMemoryAuditLog(Clock clock) {
		this.clock = clock;
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
		List<AuditEntry> latest = new ArrayList<>(Math.min(Math.max(limit, 0), this.entries.size()));
		Iterator<AuditEntry> newestFirst = this.entries.iterator();
		while (newestFirst.hasNext() && latest.size() < limit) {
			latest.add(newestFirst.next());
		}
		return latest;
	}

}
