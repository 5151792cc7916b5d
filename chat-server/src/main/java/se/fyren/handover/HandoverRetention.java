package se.fyren.handover;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes handover records past their expiry. Redis expires them by itself
 * too; this keeps the index tidy there and is the only deletion in memory.
 */
@Component
class HandoverRetention {

	private static final Logger logger = LoggerFactory.getLogger(HandoverRetention.class);

	private final HandoverRecords records;

	private final Clock clock;

	HandoverRetention(HandoverRecords records, Clock clock) {
		this.records = records;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${fyren.retention.purge-interval:1m}")
	void purgeExpired() {
		int purged = this.records.purgeExpired(this.clock.instant());
		if (purged > 0) {
			logger.info("Deleted {} handover records past retention", purged);
		}
	}

}
