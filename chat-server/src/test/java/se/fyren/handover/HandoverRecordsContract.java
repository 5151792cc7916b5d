package se.fyren.handover;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import se.fyren.testsupport.MutableClock;
import se.fyren.testsupport.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every {@link HandoverRecords} must do; one subclass per implementation.
 */
abstract class HandoverRecordsContract {

	static final Duration PROPOSAL_LIFETIME = Duration.ofSeconds(1);

	static final HandoverProperties PROPERTIES = new HandoverProperties(
			Map.of("adults-clinic", new HandoverProperties.Unit("Vuxenmottagningen", null, null)), Duration.ofDays(30),
			PROPOSAL_LIFETIME, new HandoverProperties.Webhook(Duration.ofSeconds(1), Duration.ofSeconds(8), 5,
					Duration.ofSeconds(2)), "adults-clinic");

	// Redis expires keys in real time, so the contract's clock starts now.
	final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));

	HandoverRecords records;

	protected abstract HandoverRecords createRecords(HandoverSealing sealing, MutableClock clock);

	/** Lets the given time pass, as the implementation measures it. */
	protected abstract void pass(Duration duration);

	static HandoverSealing sealing() {
		return new HandoverSealing(RedisTestStore.encryption(), JsonMapper.builder().build());
	}

	@BeforeEach
	void setUpRecords() {
		this.records = createRecords(sealing(), this.clock);
	}

	HandoverProposal proposal(String chatId, String id) {
		return new HandoverProposal(id, chatId, "anna", "adults-clinic", "sells-sex", "Wants to meet the clinic",
				List.of(new Handover.Excerpt("VISITOR", "I want help")), this.clock.instant());
	}

	Handover handover(String reference) {
		return new Handover(reference, Handover.Kind.HANDOVER, "adults-clinic", "sells-sex", "Summary", List.of(), "070-000 00 00",
				this.clock.instant());
	}

	HandoverStatus status(String reference, Duration retention) {
		return HandoverStatus.created(reference, "adults-clinic", this.clock.instant(),
				this.clock.instant().plus(retention), false);
	}

	@Test
	void aNewProposalReplacesTheChatsEarlierOne() {
		this.records.propose(proposal("c1", "p1"));
		this.records.propose(proposal("c2", "p9"));
		this.records.propose(proposal("c1", "p2"));
		assertThat(this.records.proposal("c1")).get().extracting(HandoverProposal::id).isEqualTo("p2");
		assertThat(this.records.proposal("c1").get().excerpts()).containsExactly(new Handover.Excerpt("VISITOR", "I want help"));
		assertThat(this.records.proposal("c2")).get().extracting(HandoverProposal::id).isEqualTo("p9");
	}

	@Test
	void aDiscardedProposalIsGone() {
		this.records.propose(proposal("c1", "p1"));
		this.records.discardProposal("c1");
		assertThat(this.records.proposal("c1")).isEmpty();
		assertThat(this.records.statuses()).isEmpty();
	}

	@Test
	void anUnansweredProposalExpires() {
		this.records.propose(proposal("c1", "p1"));
		pass(PROPOSAL_LIFETIME.plusMillis(500));
		assertThat(this.records.proposal("c1")).isEmpty();
	}

	@Test
	void storesAndReadsBackARecord() {
		this.records.store(handover("FY-A"), status("FY-A", Duration.ofDays(1)));
		assertThat(this.records.content("FY-A")).contains(handover("FY-A"));
		assertThat(this.records.status("FY-A")).get().extracting(HandoverStatus::unit).isEqualTo("adults-clinic");
		assertThat(this.records.content("FY-B")).isEmpty();
	}

	@Test
	void listsStatusesNewestFirst() {
		this.records.store(handover("FY-OLD"), status("FY-OLD", Duration.ofDays(1)));
		this.clock.advance(Duration.ofSeconds(5));
		this.records.store(handover("FY-NEW"), status("FY-NEW", Duration.ofDays(1)));
		assertThat(this.records.statuses()).extracting(HandoverStatus::reference).containsExactly("FY-NEW", "FY-OLD");
	}

	@Test
	void updatesTheStatusOfAnExistingRecordOnly() {
		HandoverStatus status = status("FY-A", Duration.ofDays(1));
		this.records.store(handover("FY-A"), status);
		this.records.update(status.acknowledged("cia", this.clock.instant()));
		this.records.update(status("FY-GONE", Duration.ofDays(1)));
		assertThat(this.records.status("FY-A")).get().extracting(HandoverStatus::acknowledgedBy).isEqualTo("cia");
		assertThat(this.records.status("FY-GONE")).isEmpty();
		assertThat(this.records.statuses()).hasSize(1);
	}

	@Test
	void purgeDeletesExactlyTheExpiredRecords() {
		this.records.store(handover("FY-SHORT"), status("FY-SHORT", Duration.ofMinutes(10)));
		this.records.store(handover("FY-LONG"), status("FY-LONG", Duration.ofDays(1)));
		assertThat(this.records.purgeExpired(this.clock.instant().plus(Duration.ofMinutes(10)))).isEqualTo(1);
		assertThat(this.records.content("FY-SHORT")).isEmpty();
		assertThat(this.records.status("FY-SHORT")).isEmpty();
		assertThat(this.records.content("FY-LONG")).isPresent();
	}

	@Test
	void exactlyOneClaimOfADueAttemptSucceedsUntilItsLeaseRunsOut() {
		Instant due = this.clock.instant();
		Duration lease = Duration.ofMillis(300);
		assertThat(this.records.claimAttempt("FY-A", due, lease)).isTrue();
		assertThat(this.records.claimAttempt("FY-A", due, lease)).isFalse();
		assertThat(this.records.claimAttempt("FY-A", due.plusSeconds(5), lease)).as("the next attempt").isTrue();
		assertThat(this.records.claimAttempt("FY-B", due, lease)).as("another record").isTrue();
		// The claiming node may have died mid-send: after the lease another may try.
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
			this.clock.advance(Duration.ofMillis(100));
			return this.records.claimAttempt("FY-A", due, lease);
		});
		assertThat(this.records.claimAttempt("FY-A", due, lease)).isFalse();
	}

}
