package se.fyren.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import se.fyren.queue.QueueEvents.WaitingReason;
import se.fyren.queue.Separation;
import se.fyren.queue.Side;

/**
 * The routing decision, with no store and no clock: given who waits and who is
 * on duty, which chat to offer to which counsellor. Urgent chats first, then
 * arrival order; each chat to the eligible counsellor with free capacity who
 * has the fewest chats and then has waited longest since their last one.
 * Eligibility goes through {@link Separation} only.
 */
public final class RoutingPolicy {

	/** Urgent first, then arrival (the line settles ties), then id for a total order. */
	public static final Comparator<WaitingEntry> ORDER = Comparator.comparing(WaitingEntry::urgent)
		.reversed()
		.thenComparing(WaitingEntry::joinedAt)
		.thenComparingInt(WaitingEntry::line)
		.thenComparing(WaitingEntry::chatId);

	private static final Comparator<CounsellorEntry> PREFERENCE = Comparator.comparingInt(CounsellorEntry::load)
		.thenComparing((CounsellorEntry counsellor) -> counsellor.lastChatAt().orElse(Instant.MIN))
		.thenComparing(CounsellorEntry::username);

	private RoutingPolicy() {
	}

	/**
	 * New offers for the chats that have none. Never offers a chat twice, never
	 * offers one that is already offered, never fills a counsellor past their
	 * capacity (load counts their chats and open offers).
	 */
	public static List<Decision> decide(Map<String, Side> sides, List<WaitingEntry> waiting,
			List<CounsellorEntry> counsellors) {
		Map<String, Integer> load = new HashMap<>();
		counsellors.forEach((counsellor) -> load.put(counsellor.username(), counsellor.load()));
		List<Decision> decisions = new ArrayList<>();
		for (WaitingEntry chat : waiting.stream().sorted(ORDER).toList()) {
			if (chat.offeredTo() != null) {
				continue;
			}
			candidates(sides, chat, counsellors).stream()
				.filter((counsellor) -> counsellor.ready() && load.get(counsellor.username()) < counsellor.capacity())
				.min(Comparator.comparing((CounsellorEntry counsellor) -> counsellor.withLoad(load.get(counsellor.username())),
						PREFERENCE))
				.ifPresent((chosen) -> {
					decisions.add(new Decision(chat.chatId(), chosen.username()));
					load.merge(chosen.username(), 1, Integer::sum);
				});
		}
		return decisions;
	}

	/**
	 * Everyone on duty who could be offered the chat, ready or not, before
	 * capacity: language and age band are honoured when someone on duty
	 * matches; otherwise only an urgent chat is offered across them.
	 */
	static List<CounsellorEntry> candidates(Map<String, Side> sides, WaitingEntry chat,
			List<CounsellorEntry> counsellors) {
		List<CounsellorEntry> group = counsellors.stream()
			.filter(CounsellorEntry::onDuty)
			.filter((counsellor) -> Separation.mayServe(sides, counsellor.queues(), chat.queue()))
			.filter((counsellor) -> !chat.declinedBy().contains(counsellor.username()))
			.toList();
		List<CounsellorEntry> matching = group.stream().filter((counsellor) -> matches(chat, counsellor)).toList();
		if (!matching.isEmpty()) {
			return matching;
		}
		return chat.urgent() ? group : List.of();
	}

	/** Why the chat waits without an offer, or null when it is, or can be, offered. */
	public static WaitingReason reason(Map<String, Side> sides, WaitingEntry chat, List<CounsellorEntry> counsellors) {
		List<CounsellorEntry> group = counsellors.stream()
			.filter(CounsellorEntry::onDuty)
			.filter((counsellor) -> Separation.mayServe(sides, counsellor.queues(), chat.queue()))
			.toList();
		if (group.isEmpty()) {
			return WaitingReason.NO_COUNSELLOR_ON_DUTY;
		}
		if (chat.urgent() || group.stream().anyMatch((counsellor) -> matches(chat, counsellor))) {
			return null;
		}
		return group.stream().anyMatch((counsellor) -> accepts(counsellor.languages(), chat.language()))
				? WaitingReason.NO_AGE_BAND_MATCH : WaitingReason.NO_LANGUAGE_MATCH;
	}

	static boolean matches(WaitingEntry chat, CounsellorEntry counsellor) {
		return accepts(counsellor.languages(), chat.language()) && accepts(counsellor.ageBands(), chat.ageBand());
	}

	private static boolean accepts(Set<String> served, String wanted) {
		return wanted == null || served.isEmpty() || served.contains(wanted);
	}

	/**
	 * A waiting chat as routing sees it.
	 *
	 * @param chatId the chat
	 * @param queue its queue
	 * @param urgent goes first
	 * @param joinedAt arrival
	 * @param language wanted language or null
	 * @param ageBand age band or null
	 * @param offeredTo who it is offered to now, or null
	 * @param declinedBy who declined it or let an offer expire
	 * @param line its place in its queue's line, which settles equal arrival times
	 */
	public record WaitingEntry(String chatId, String queue, boolean urgent, Instant joinedAt, String language,
			String ageBand, String offeredTo, Set<String> declinedBy, int line) {

		public WaitingEntry {
			declinedBy = (declinedBy != null) ? Set.copyOf(declinedBy) : Set.of();
		}

	}

	/**
	 * A counsellor as routing sees them.
	 *
	 * @param username who
	 * @param queues the queues they serve
	 * @param languages their languages; empty for any
	 * @param ageBands their age bands; empty for all
	 * @param capacity most chats at once
	 * @param load chats they have plus open offers to them
	 * @param lastChatAt when they last got a chat
	 * @param onDuty on duty
	 * @param ready connected and not in a wellbeing pause: may get offers now
	 */
	public record CounsellorEntry(String username, Set<String> queues, Set<String> languages, Set<String> ageBands,
			int capacity, int load, Optional<Instant> lastChatAt, boolean onDuty, boolean ready) {

		CounsellorEntry withLoad(int newLoad) {
			return new CounsellorEntry(this.username, this.queues, this.languages, this.ageBands, this.capacity, newLoad,
					this.lastChatAt, this.onDuty, this.ready);
		}

	}

	/**
	 * Offer this chat to this counsellor.
	 *
	 * @param chatId the chat
	 * @param username the counsellor
	 */
	public record Decision(String chatId, String username) {
	}

}
