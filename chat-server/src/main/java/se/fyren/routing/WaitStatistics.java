package se.fyren.routing;

import java.time.Duration;
import java.util.Optional;

/**
 * Recent handling times per queue, for honest wait estimates. Durations only,
 * nothing about the chats. Shared by all nodes.
 */
public interface WaitStatistics {

	/** Records how long a chat of the queue took, from start to end. */
	void recordHandling(String queue, Duration handling);

	/** The mean of the most recent handling times of the queue; empty when none. */
	Optional<Duration> averageHandling(String queue);

}
