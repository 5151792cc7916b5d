package se.fyren.handover;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Handover records in this node's memory, for embedded mode. The content is
 * held encrypted here too, so a heap dump shows no more than Redis would.
 * Proposals past their lifetime are ignored and dropped when next touched.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class InMemoryHandoverRecords implements HandoverRecords {

	private final Map<String, Sealed> proposals = new ConcurrentHashMap<>();

	private final Map<String, Sealed> contents = new ConcurrentHashMap<>();

	private final Map<String, HandoverStatus> statuses = new ConcurrentHashMap<>();

	/** Claimed delivery attempts ("reference@dueAt") until their lease ends. */
	private final Map<String, Instant> claims = new ConcurrentHashMap<>();

	private final HandoverSealing sealing;

	private final HandoverProperties properties;

	private final Clock clock;

	InMemoryHandoverRecords(HandoverSealing sealing, HandoverProperties properties, Clock clock) {
		this.sealing = sealing;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void propose(HandoverProposal proposal) {
		String sealed = this.sealing.seal(proposal, HandoverSealing.proposalContext(proposal.chatId()));
		this.proposals.put(proposal.chatId(),
				new Sealed(sealed, proposal.proposedAt().plus(this.properties.proposalLifetime())));
	}

	@Override
	public Optional<HandoverProposal> proposal(String chatId) {
		Sealed sealed = this.proposals.get(chatId);
		if (sealed == null) {
			return Optional.empty();
		}
		if (!this.clock.instant().isBefore(sealed.expiresAt())) {
			this.proposals.remove(chatId, sealed);
			return Optional.empty();
		}
		return Optional.of(this.sealing.open(sealed.value(), HandoverSealing.proposalContext(chatId),
				HandoverProposal.class));
	}

	@Override
	public void discardProposal(String chatId) {
		this.proposals.remove(chatId);
	}

	@Override
	public void store(Handover handover, HandoverStatus status) {
		String sealed = this.sealing.seal(handover, HandoverSealing.recordContext(handover.reference()));
		this.contents.put(handover.reference(), new Sealed(sealed, status.expiresAt()));
		this.statuses.put(handover.reference(), status);
	}

	@Override
	public Optional<Handover> content(String reference) {
		return Optional.ofNullable(this.contents.get(reference))
			.filter((sealed) -> this.clock.instant().isBefore(sealed.expiresAt()))
			.map((sealed) -> this.sealing.open(sealed.value(), HandoverSealing.recordContext(reference), Handover.class));
	}

	@Override
	public Optional<HandoverStatus> status(String reference) {
		return Optional.ofNullable(this.statuses.get(reference))
			.filter((status) -> this.clock.instant().isBefore(status.expiresAt()));
	}

	@Override
	public List<HandoverStatus> statuses() {
		Instant now = this.clock.instant();
		return this.statuses.values()
			.stream()
			.filter((status) -> now.isBefore(status.expiresAt()))
			.sorted(Comparator.comparing(HandoverStatus::createdAt).reversed())
			.toList();
	}

	@Override
	public void update(HandoverStatus status) {
		this.statuses.computeIfPresent(status.reference(), (reference, old) -> status);
	}

	@Override
	public boolean claimAttempt(String reference, Instant dueAt, Duration lease) {
		Instant now = this.clock.instant();
		Instant[] claimedUntil = { null };
		this.claims.compute(reference + "@" + dueAt.toEpochMilli(), (attempt, until) -> {
			if (until != null && now.isBefore(until)) {
				return until;
			}
			claimedUntil[0] = now.plus(lease);
			return claimedUntil[0];
		});
		return claimedUntil[0] != null;
	}

	@Override
	public int purgeExpired(Instant now) {
		this.claims.values().removeIf((until) -> !now.isBefore(until));
		int purged = 0;
		for (HandoverStatus status : List.copyOf(this.statuses.values())) {
			if (!now.isBefore(status.expiresAt())) {
				this.contents.remove(status.reference());
				this.statuses.remove(status.reference());
				purged++;
			}
		}
		this.proposals.values().removeIf((sealed) -> !now.isBefore(sealed.expiresAt()));
		return purged;
	}

	private record Sealed(String value, Instant expiresAt) {
	}

}
