package se.fyren.loadtest;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Scenario 3: from a visitor joining a queue to the counsellor receiving
 * Fyren's automatic offer of the chat. The counsellor accepts every offer at
 * once, so the run also measures join to chat start. Visitors join at a fixed
 * rate (open loop) and end their chat once it starts, to join again later.
 * The echo floor is the message scenario's echo at this rate.
 */
final class JoinToOffer {

	private JoinToOffer() {
	}

	static void run(Settings settings, Nodes nodes, HttpClient http, Report report) throws Exception {
		Histogram offered = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
		Histogram started = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
		AtomicLong skipped = new AtomicLong();
		try (ServerProcess node = nodes.fyren("fyren-join", 1)) {
			String cookie = FyrenHttp.login("127.0.0.1", node.port(), Nodes.counsellor(0), Nodes.PASSWORD);
			Participant counsellor = Participant.counsellor(HttpClient.newHttpClient(), "127.0.0.1", node.port(), cookie)
				.get(30, TimeUnit.SECONDS);
			Map<String, Long> offeredAt = new ConcurrentHashMap<>();
			counsellor.onEvent((type, body) -> {
				if (type.equals("offer")) {
					String chatId = Participant.field(body, "chatId");
					if (offeredAt.putIfAbsent(chatId, System.nanoTime()) == null) {
						counsellor.send("/app/counsellor/accept", "{\"chatId\":\"" + chatId + "\"}");
					}
				}
			});
			var onDuty = counsellor.next("duty");
			counsellor.send("/app/counsellor/duty", "{\"onDuty\":true}");
			onDuty.get(30, TimeUnit.SECONDS);

			// Enough visitors that one is always free at this rate.
			int visitors = Math.max(20, settings.joinRate() * 4);
			ConcurrentLinkedQueue<Visitor> free = new ConcurrentLinkedQueue<>();
			AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
			for (int i = 0; i < visitors; i++) {
				String host = settings.host(i);
				String token = FyrenHttp.newVisitorToken(http, host, node.port()).get(30, TimeUnit.SECONDS);
				Visitor visitor = new Visitor(Participant.visitor(http, host, node.port(), token).get(30, TimeUnit.SECONDS),
						new AtomicLong());
				visitor.stomp().onEvent((type, body) -> {
					if (type.equals("chat-started")) {
						long now = System.nanoTime();
						long joined = visitor.joinedAt().get();
						Long offer = offeredAt.remove(Participant.field(body, "chatId"));
						if (joined >= measureFrom.get() && offer != null) {
							offered.recordValue(Math.max(0, (offer - joined) / 1000));
							started.recordValue(Math.max(0, (now - joined) / 1000));
						}
						visitor.stomp().send("/app/visitor/end", "{}");
					}
					else if (type.equals("ended")) {
						free.add(visitor);
					}
				});
				free.add(visitor);
			}
			long period = 1_000_000_000L / settings.joinRate();
			long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
			long measured = start + settings.warmup().toNanos();
			long end = measured + settings.duration().toNanos();
			measureFrom.set(measured);
			String join = "{\"queue\":\"" + Nodes.QUEUE + "\"}";
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
				Visitor visitor = free.poll();
				if (visitor == null) {
					skipped.incrementAndGet();
					continue;
				}
				visitor.joinedAt().set(intended);
				visitor.stomp().send("/app/visitor/join", join);
				if (intended >= measured) {
					sentMeasured++;
				}
			}
			long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (started.getTotalCount() < sentMeasured && System.nanoTime() < drainUntil) {
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
			}
			if (skipped.get() > 0) {
				report.note("join: " + skipped.get() + " joins skipped for want of a free visitor; raise the visitor pool");
			}
			if (started.getTotalCount() < sentMeasured) {
				report.note("join: only " + started.getTotalCount() + " of " + sentMeasured + " measured joins started a chat");
			}
			counsellor.abort();
			free.forEach((visitor) -> visitor.stomp().abort());
		}
		OpenLoop.Result echo = echoAtJoinRate(settings, nodes, http);
		String load = " at " + settings.joinRate() + " joins/s";
		report.add(new Report.Row("3 join → offer", "p50 ms" + load, ms(offered, 50), echo.p(50)));
		report.add(Report.Row.judged("3 join → offer", "p99 ms" + load, ms(offered, 99), echo.p(99), "≤ 10 ms",
				settings.joinRate() >= 50, ms(offered, 99) <= 10));
		report.add(new Report.Row("3 join → offer", "join → chat started p99 ms" + load, ms(started, 99),
				echo.p(99)));
	}

	private static OpenLoop.Result echoAtJoinRate(Settings settings, Nodes nodes, HttpClient http) throws Exception {
		Settings atJoinRate = new Settings(settings.scenarios(), settings.fyrenJar(), settings.serverJvmFlags(),
				settings.idleSessions(), settings.joinRate(), Math.max(20, settings.joinRate() * 4), settings.joinRate(),
				settings.warmup(), settings.duration(), settings.floodShare(), settings.floodRate(), settings.payloadChars(),
				settings.loopbackAddresses(), settings.label(), settings.results(), settings.command());
		return MessageLatency.echo(atJoinRate, nodes, http, 0);
	}

	private static double ms(Histogram histogram, double percentile) {
		return histogram.getValueAtPercentile(percentile) / 1000.0;
	}

	private record Visitor(Participant stomp, AtomicLong joinedAt) {
	}

}
