package se.fyren.queue;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place that decides whether a chat may reach a counsellor or move to
 * another queue. People who are exploited and people who buy sex are never
 * routed into each other's queues: a counsellor whose queues span both sides
 * serves nobody, and a chat only ever moves between queues of the same side.
 * Routing, manual picks, transfers and startup checks all ask here.
 */
public final class Separation {

	private Separation() {
	}

	/** Whether these sides may be served by one person. */
	public static boolean mayShare(Set<Side> sides) {
		return !(sides.contains(Side.EXPLOITED) && sides.contains(Side.BUYERS));
	}

	/**
	 * Whether a counsellor serving {@code counsellorQueues} may be given a chat of
	 * {@code queue}. Unknown queues and counsellors across both sides never may.
	 */
	public static boolean mayServe(Map<String, Side> sides, Set<String> counsellorQueues, String queue) {
		if (queue == null || !sides.containsKey(queue) || !counsellorQueues.contains(queue)) {
			return false;
		}
		Set<Side> served = counsellorQueues.stream()
			.map(sides::get)
			.filter((side) -> side != null)
			.collect(Collectors.toSet());
		return mayShare(served);
	}

	/** Whether a chat may move from one queue to another: only within one side. */
	public static boolean mayMove(Map<String, Side> sides, String fromQueue, String toQueue) {
		Side from = sides.get(fromQueue);
		return from != null && from == sides.get(toQueue);
	}

}
