package se.fyren.visitor;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Blocks in this node's memory, for embedded mode; expired ones are purged.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class InMemoryVisitorBlocks implements VisitorBlocks {

	private final Map<String, Instant> blocks = new ConcurrentHashMap<>();

	private final Clock clock;

	InMemoryVisitorBlocks(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void block(String visitorId, Instant until) {
		this.blocks.put(visitorId, until);
	}

	@Override
	public Optional<Instant> blockedUntil(String visitorId, Instant now) {
		return Optional.ofNullable(this.blocks.get(visitorId)).filter(now::isBefore);
	}

	@Scheduled(fixedDelayString = "${fyren.retention.purge-interval:1m}")
	void purge() {
		Instant now = this.clock.instant();
		this.blocks.values().removeIf((until) -> !now.isBefore(until));
	}

	int size() {
		return this.blocks.size();
	}

}
