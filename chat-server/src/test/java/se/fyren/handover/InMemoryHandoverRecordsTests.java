package se.fyren.handover;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import se.fyren.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryHandoverRecordsTests extends HandoverRecordsContract {

	@Override
	protected HandoverRecords createRecords(HandoverSealing sealing, MutableClock clock) {
		return new InMemoryHandoverRecords(sealing, PROPERTIES, clock);
	}

	@Override
	protected void pass(Duration duration) {
		this.clock.advance(duration);
	}

	@Test
	void anExpiredRecordIsNotShownEvenBeforeThePurge() {
		this.records.store(handover("FY-A"), status("FY-A", Duration.ofMinutes(1)));
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.records.content("FY-A")).isEmpty();
		assertThat(this.records.statuses()).isEmpty();
	}

}
