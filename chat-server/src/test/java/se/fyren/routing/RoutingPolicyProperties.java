package se.fyren.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import se.fyren.queue.Side;
import se.fyren.routing.RoutingPolicy.CounsellorEntry;
import se.fyren.routing.RoutingPolicy.Decision;
import se.fyren.routing.RoutingPolicy.WaitingEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the routing decision over random queues, counsellors (some
 * wrongly configured across both separated groups) and waiting chats.
 */
class RoutingPolicyProperties {

	static final Map<String, Side> SIDES = Map.of("exploited", Side.EXPLOITED, "exploited-youth", Side.EXPLOITED,
			"buyers", Side.BUYERS, "relatives", Side.GENERAL);

	static final List<String> NAMES = List.of("anna", "bo", "cecilia", "dragan", "elin", "frida");

	static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

	@Property(tries = 500)
	void neverOffersAChatTwiceNorOneAlreadyOffered(@ForAll("situations") Situation situation) {
		List<Decision> decisions = situation.decide();
		Map<String, WaitingEntry> byId = situation.waitingById();
		assertThat(decisions).extracting(Decision::chatId).doesNotHaveDuplicates();
		for (Decision decision : decisions) {
			assertThat(byId).containsKey(decision.chatId());
			assertThat(byId.get(decision.chatId()).offeredTo()).isNull();
		}
	}

	@Property(tries = 500)
	void neverOffersAcrossTheSeparatedGroups(@ForAll("situations") Situation situation) {
		Map<String, CounsellorEntry> counsellors = situation.counsellorsByName();
		for (Decision decision : situation.decide()) {
			WaitingEntry chat = situation.waitingById().get(decision.chatId());
			CounsellorEntry counsellor = counsellors.get(decision.username());
			Set<Side> served = counsellor.queues().stream().map(SIDES::get).collect(Collectors.toSet());
			assertThat(counsellor.queues()).contains(chat.queue());
			assertThat(served).doesNotContain(opposite(SIDES.get(chat.queue())));
		}
	}

	@Property(tries = 500)
	void neverFillsACounsellorPastCapacityNorOffersToOneNotReady(@ForAll("situations") Situation situation) {
		Map<String, Long> offered = situation.decide()
			.stream()
			.collect(Collectors.groupingBy(Decision::username, Collectors.counting()));
		for (CounsellorEntry counsellor : situation.counsellors()) {
			long fresh = offered.getOrDefault(counsellor.username(), 0L);
			if (fresh > 0) {
				assertThat(counsellor.ready()).isTrue();
				assertThat(counsellor.load() + fresh).isLessThanOrEqualTo(counsellor.capacity());
			}
		}
	}

	@Property(tries = 500)
	void servesUrgentFirstThenInArrivalOrder(@ForAll("situations") Situation situation) {
		Set<String> offered = situation.decide().stream().map(Decision::chatId).collect(Collectors.toSet());
		// Chats with the same candidates: same queue, no preferences, nobody declined, not yet offered.
		Map<String, List<WaitingEntry>> plainByQueue = situation.waiting()
			.stream()
			.filter((chat) -> chat.language() == null && chat.ageBand() == null && chat.declinedBy().isEmpty()
					&& chat.offeredTo() == null)
			.sorted(RoutingPolicy.ORDER)
			.collect(Collectors.groupingBy(WaitingEntry::queue));
		for (List<WaitingEntry> line : plainByQueue.values()) {
			boolean gap = false;
			for (WaitingEntry chat : line) {
				if (!offered.contains(chat.chatId())) {
					gap = true;
				}
				else {
					assertThat(gap).as("chat %s offered while one ahead of it was not", chat.chatId()).isFalse();
				}
			}
		}
	}

	@Property(tries = 500)
	void leavesNoChatWaitingWhileAnEligibleCounsellorIsFree(@ForAll("situations") Situation situation) {
		List<Decision> decisions = situation.decide();
		Map<String, Integer> load = new HashMap<>();
		situation.counsellors().forEach((counsellor) -> load.put(counsellor.username(), counsellor.load()));
		decisions.forEach((decision) -> load.merge(decision.username(), 1, Integer::sum));
		Set<String> offered = decisions.stream().map(Decision::chatId).collect(Collectors.toSet());
		for (WaitingEntry chat : situation.waiting()) {
			if (chat.offeredTo() != null || offered.contains(chat.chatId())) {
				continue;
			}
			assertThat(RoutingPolicy.candidates(SIDES, chat, situation.counsellors()))
				.filteredOn((counsellor) -> counsellor.ready() && load.get(counsellor.username()) < counsellor.capacity())
				.as("a free eligible counsellor for waiting chat %s", chat.chatId())
				.isEmpty();
		}
	}

	@Property(tries = 300)
	void everyWaitingChatIsEventuallyOfferedWhileAnEligibleCounsellorIsOnDuty(@ForAll("situations") Situation situation) {
		// Each round, offers are accepted and every chat then ends: counsellors are free again.
		List<WaitingEntry> waiting = new ArrayList<>(situation.waiting()
			.stream()
			.map((chat) -> new WaitingEntry(chat.chatId(), chat.queue(), chat.urgent(), chat.joinedAt(), chat.language(),
					chat.ageBand(), null, chat.declinedBy(), chat.line()))
			.toList());
		List<CounsellorEntry> free = situation.counsellors().stream().map((counsellor) -> counsellor.withLoad(0)).toList();
		for (int round = 0; round <= situation.waiting().size() && !waiting.isEmpty(); round++) {
			Set<String> offered = RoutingPolicy.decide(SIDES, waiting, free)
				.stream()
				.map(Decision::chatId)
				.collect(Collectors.toSet());
			waiting.removeIf((chat) -> offered.contains(chat.chatId()));
		}
		for (WaitingEntry chat : waiting) {
			assertThat(RoutingPolicy.candidates(SIDES, chat, free)).filteredOn(CounsellorEntry::ready).isEmpty();
		}
	}

	private static Side opposite(Side side) {
		return switch (side) {
			case EXPLOITED -> Side.BUYERS;
			case BUYERS -> Side.EXPLOITED;
			case GENERAL -> null;
		};
	}

	@Provide
	Arbitrary<Situation> situations() {
		Arbitrary<List<CounsellorEntry>> counsellors = counsellor().list()
			.ofMaxSize(NAMES.size())
			.uniqueElements(CounsellorEntry::username);
		return counsellors.flatMap((staff) -> waitingChat(staff).list()
			.ofMaxSize(25)
			.uniqueElements(WaitingEntry::chatId)
			.map((waiting) -> new Situation(staff, waiting)));
	}

	private Arbitrary<CounsellorEntry> counsellor() {
		Arbitrary<String> name = Arbitraries.of(NAMES);
		Arbitrary<Set<String>> queues = Arbitraries.of(SIDES.keySet()).set().ofMinSize(1);
		Arbitrary<Set<String>> languages = Arbitraries.of("sv", "en", "ar").set();
		Arbitrary<Set<String>> ageBands = Arbitraries.of("under-18", "adult").set();
		Arbitrary<Integer> capacity = Arbitraries.integers().between(1, 3);
		Arbitrary<Integer> load = Arbitraries.integers().between(0, 4);
		Arbitrary<Optional<Instant>> lastChat = Arbitraries.longs()
			.between(0, 3600)
			.map(T0::minusSeconds)
			.optional();
		Arbitrary<Boolean> onDuty = Arbitraries.of(true, true, true, false);
		Arbitrary<Boolean> ready = Arbitraries.of(true, true, false);
		return Combinators.combine(name, queues, languages, ageBands, capacity, load, lastChat, onDuty)
			.flatAs((n, q, l, a, c, lo, last, duty) -> ready.map((r) -> new CounsellorEntry(n, q, l, a, c, lo, last, duty,
					duty && r)));
	}

	private Arbitrary<WaitingEntry> waitingChat(List<CounsellorEntry> staff) {
		Arbitrary<String> id = Arbitraries.strings().alpha().ofLength(6);
		Arbitrary<String> queue = Arbitraries.of(SIDES.keySet());
		Arbitrary<Boolean> urgent = Arbitraries.of(false, false, false, true);
		Arbitrary<Instant> joined = Arbitraries.longs().between(0, 7200).map(T0::plusSeconds);
		Arbitrary<String> language = Arbitraries.of("sv", "en", "ar", "th").injectNull(0.4);
		Arbitrary<String> ageBand = Arbitraries.of("under-18", "adult").injectNull(0.5);
		List<String> names = staff.stream().map(CounsellorEntry::username).toList();
		Arbitrary<String> offeredTo = names.isEmpty() ? Arbitraries.just(null)
				: Arbitraries.of(names).injectNull(0.8);
		Arbitrary<Set<String>> declined = names.isEmpty() ? Arbitraries.just(Set.of())
				: Arbitraries.of(names).set().ofMaxSize(2).injectDuplicates(0).map(HashSet::new);
		Arbitrary<Set<String>> sometimesDeclined = Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(3, Arbitraries.just(Set.<String>of())), net.jqwik.api.Tuple.of(1, declined));
		Arbitrary<Integer> line = Arbitraries.integers().between(0, 100);
		return Combinators.combine(id, queue, urgent, joined, language, ageBand, offeredTo, sometimesDeclined)
			.flatAs((i, q, u, j, l, a, o, d) -> line.map((place) -> new WaitingEntry(i, q, u, j, l, a, o, d, place)));
	}

	/** One routing moment. */
	record Situation(List<CounsellorEntry> counsellors, List<WaitingEntry> waiting) {

		List<Decision> decide() {
			return RoutingPolicy.decide(SIDES, this.waiting, this.counsellors);
		}

		Map<String, WaitingEntry> waitingById() {
			return this.waiting.stream().collect(Collectors.toMap(WaitingEntry::chatId, Function.identity()));
		}

		Map<String, CounsellorEntry> counsellorsByName() {
			return this.counsellors.stream().collect(Collectors.toMap(CounsellorEntry::username, Function.identity()));
		}

	}

}
