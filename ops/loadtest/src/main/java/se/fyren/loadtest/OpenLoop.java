package se.fyren.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Open-loop load: messages leave at fixed intended times whatever the server
 * does, and each latency is measured from its intended time, so a stalled
 * server shows as latency instead of as fewer messages (no coordinated
 * omission). Every message carries its intended send time in its id; the
 * receiving side calls {@link #received}.
 */
final class OpenLoop {

	private static final String PREFIX = "L";

	private final Histogram latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);

	private final AtomicLong received = new AtomicLong();

	private volatile long measureFrom = Long.MAX_VALUE;

	private final String text;

	OpenLoop(int payloadChars) {
		this.text = "x".repeat(payloadChars);
	}

	/** The JSON body of a message sent at the intended time. */
	String message(long intendedNanos) {
		return "{\"id\":\"" + PREFIX + intendedNanos + "\",\"text\":\"" + this.text + "\"}";
	}

	/** Records a message that arrived, given its JSON body; others are ignored. */
	void received(String json) {
		String id = Participant.field(json, "id");
		if (!id.startsWith(PREFIX)) {
			return;
		}
		long intended = Long.parseLong(id.substring(PREFIX.length()));
		if (intended >= this.measureFrom) {
			long micros = Math.max(0, (System.nanoTime() - intended) / 1000);
			this.latencies.recordValue(Math.min(micros, this.latencies.getHighestTrackableValue()));
			this.received.incrementAndGet();
		}
	}

	/**
	 * Sends at the rate, spread round robin over the senders, for warmup plus
	 * duration; each flooder meanwhile sends at the flood rate, or slower when
	 * its socket does not take more.
	 * Waits up to ten seconds for the measured messages to arrive.
	 *
	 * @param senders each turns a message's JSON body into a send
	 * @param flooders senders that flood, not measured
	 */
	Result run(List<Function<String, CompletableFuture<?>>> senders, List<Function<String, CompletableFuture<?>>> flooders,
			int rate, int floodRate, long warmupNanos, long durationNanos) throws InterruptedException {
		long period = 1_000_000_000L / rate;
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
		long measured = start + warmupNanos;
		long end = measured + durationNanos;
		this.measureFrom = measured;
		AtomicBoolean flooding = new AtomicBoolean(true);
		AtomicLong floodSent = new AtomicLong();
		List<Thread> floodThreads = new ArrayList<>();
		for (Function<String, CompletableFuture<?>> flooder : flooders) {
			Thread thread = new Thread(() -> {
				long floodPeriod = 1_000_000_000L / floodRate;
				long next = System.nanoTime();
				long n = 0;
				while (flooding.get()) {
					long wait;
					while ((wait = next - System.nanoTime()) > 0) {
						LockSupport.parkNanos(wait);
					}
					next += floodPeriod;
					try {
						flooder.apply("{\"id\":\"F" + (n++) + "\",\"text\":\"" + this.text + "\"}").get(10, TimeUnit.SECONDS);
						floodSent.incrementAndGet();
					}
					catch (Exception ex) {
						return;
					}
				}
			});
			thread.setDaemon(true);
			thread.start();
			floodThreads.add(thread);
		}
		long sentMeasured = 0;
		for (long i = 0;; i++) {
			long intended = start + i * period;
			if (intended >= end) {
				break;
			}
			long wait;
			while ((wait = intended - System.nanoTime()) > 0) {
				LockSupport.parkNanos(Math.min(wait, 50_000));
			}
			senders.get((int) (i % senders.size())).apply(message(intended));
			if (intended >= measured) {
				sentMeasured++;
			}
		}
		long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.received.get() < sentMeasured && System.nanoTime() < drainUntil) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
		}
		flooding.set(false);
		for (Thread thread : floodThreads) {
			thread.join(TimeUnit.SECONDS.toMillis(15));
		}
		return new Result(this.latencies.copy(), sentMeasured, this.received.get(), floodSent.get());
	}

	/**
	 * What a run measured.
	 *
	 * @param latencies microseconds from intended send to arrival
	 * @param sent measured messages sent
	 * @param received measured messages that arrived
	 * @param floodSent messages the flooders got onto the wire
	 */
	record Result(Histogram latencies, long sent, long received, long floodSent) {

		double p(double percentile) {
			return this.latencies.getValueAtPercentile(percentile) / 1000.0;
		}

		long lost() {
			return this.sent - this.received;
		}

		/**
		 * This result, unless nothing measured arrived: then every percentile
		 * would read 0 ms, which looks like a met target.
		 */
		Result arrived(String what) {
			if (this.received == 0) {
				throw new IllegalStateException(what + ": none of " + this.sent
						+ " measured messages arrived in the window; the server fell too far behind");
			}
			return this;
		}

	}

}
