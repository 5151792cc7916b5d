package se.fyren.handover;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.web.socket.WebSocketHttpHeaders;

import se.fyren.audit.AuditEntry;
import se.fyren.audit.AuditLog;
import se.fyren.conversation.ChatStore;
import se.fyren.conversation.Transcripts;
import se.fyren.letterbox.Letterbox;
import se.fyren.testsupport.ChatFlow;
import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.RunningFyren;
import se.fyren.testsupport.StompParticipant;
import se.fyren.visitor.VisitorSessions;
import se.fyren.visitor.VisitorTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * A full scenario with canary values: one visitor only chats, another
 * chooses a handover and types contact details. While the data lives, the
 * canaries are nowhere but inside the encrypted handover record; once the
 * (short) retention settings have run out, nothing about either visitor is
 * left. Subclassed for cluster mode, where Redis is scanned too.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fyren.retention.purge-interval=200ms", "fyren.retention.transcripts=1s",
				"fyren.retention.handover-records=4s", "fyren.retention.letters=3s", "fyren.retention.audit-log=6s",
				"fyren.visitor.session-idle-timeout=5s",
				"fyren.handover.proposal-lifetime=2s" })
class VisitorDataLifetimeTests extends RunningFyren {

	static final String WORDS = "canary-words-Kvarngatan-12";

	static final String CONTACT = "canary-contact-070-9876543";

	static final String ADDRESS = "198.51.100.231";

	@Autowired
	HandoverRecords records;

	@Autowired
	ChatStore chats;

	@Autowired
	Transcripts transcripts;

	@Autowired
	VisitorSessions sessions;

	@Autowired
	Letterbox letterbox;

	@Autowired
	AuditLog auditLog;

	/** Every stored value outside this node's memory, as text (cluster mode: all of Redis under the test prefix). */
	protected List<String> storedOutside() {
		return List.of();
	}

	@Test
	void canariesLiveOnlyInTheEncryptedRecordAndNothingOutlivesRetention(CapturedOutput output) {
		WebSocketHttpHeaders forwarded = new WebSocketHttpHeaders();
		forwarded.add("X-Forwarded-For", ADDRESS);
		List<String> tokens = new ArrayList<>();
		String onlyChatted;
		String handedOver;
		String reference;
		try (StompParticipant anna = this.clients.staff("anna", "fyren-demo")) {
			try (Visitor visitor = this.clients.visitor(forwarded)) {
				tokens.add(visitor.token());
				onlyChatted = ChatFlow.startChat(visitor, anna, "sells-sex");
				visitor.stomp().send("/app/visitor/message", json("id", "m1", "text", WORDS));
				anna.awaitEvent("message", (e) -> "m1".equals(e.get("id")));
				anna.send("/app/counsellor/end", json("chatId", onlyChatted));
				visitor.stomp().awaitEvent("ended");
			}
			try (Visitor visitor = this.clients.visitor(forwarded)) {
				tokens.add(visitor.token());
				handedOver = ChatFlow.startChat(visitor, anna, "sells-sex");
				visitor.stomp().send("/app/visitor/message", json("id", "m1", "text", WORDS));
				anna.awaitEvent("message", (e) -> handedOver.equals(e.get("chatId")));
				anna.send("/app/counsellor/handover/propose", json("chatId", handedOver, "unit", "adults-clinic",
						"summary", "Wants an appointment", "excerptSeqs", List.of(1)));
				String proposalId = (String) visitor.stomp().awaitEvent("handover-proposed").get("proposalId");
				visitor.stomp().send("/app/visitor/handover/confirm", json("proposalId", proposalId, "contact", CONTACT));
				reference = (String) visitor.stomp().awaitEvent("handover-confirmed").get("reference");
				anna.send("/app/counsellor/end", json("chatId", handedOver));
				visitor.stomp().awaitEvent("ended");
			}

			StaffHttp cia = new StaffHttp(this.clients, "cia");
			HttpResponse<String> posted = letterFrom(ADDRESS, "{\"queue\":\"sells-sex\",\"text\":\"" + WORDS + "\"}");
			assertThat(posted.statusCode()).isEqualTo(201);
			String pickupCode = posted.body().replaceAll(".*\"pickupCode\":\"([^\"]+)\".*", "$1");
			anna.send("/app/counsellor/letterbox", json());
			@SuppressWarnings("unchecked")
			String letterId = (String) ((List<Map<String, Object>>) anna
				.awaitEvent("letterbox", (e) -> !((List<?>) e.get("letters")).isEmpty())
				.get("letters")).get(0).get("id");
			anna.send("/app/counsellor/letterbox-answer", json("id", letterId, "text", "Answer to " + WORDS));
			await().untilAsserted(() -> assertThat(this.letterbox.find(letterId)).get()
				.satisfies((letter) -> assertThat(letter.answered()).isTrue()));
			assertThat(cia.get("/api/letterbox/" + pickupCode).body()).contains("Answer to " + WORDS);

			assertThat(this.records.content(reference)).get()
				.satisfies((handover) -> assertThat(handover.contact()).isEqualTo(CONTACT))
				.satisfies((handover) -> assertThat(handover.toString()).doesNotContain(ADDRESS));
			assertThat(cia.get("/api/handovers").body()).contains(reference).doesNotContain(CONTACT).doesNotContain(WORDS);
			assertThat(cia.get("/api/handovers/" + reference + "/print").body()).contains(CONTACT).doesNotContain(ADDRESS);
			for (String stored : storedOutside()) {
				assertThat(stored).doesNotContain(WORDS).doesNotContain(CONTACT).doesNotContain(ADDRESS);
			}
			// In cluster mode the record is there, sealed: the canaries above are inside it, unreadable.
			if (!storedOutside().isEmpty()) {
				assertThat(storedOutside()).anySatisfy((stored) -> assertThat(stored).contains(reference));
			}
			// Every export staff can take while the data lives: statistics, the audit log, the inbox list.
			StaffHttp sara = new StaffHttp(this.clients, "sara");
			java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm"));
			for (String export : List.of(
					sara.get("/api/statistics/daily.csv?from=" + day.minusDays(1) + "&to=" + day.plusDays(1)).body(),
					sara.get("/api/audit").body(), cia.get("/api/handovers").body())) {
				assertThat(export).isNotBlank().doesNotContain(WORDS).doesNotContain(CONTACT).doesNotContain(ADDRESS);
			}

			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				assertThat(this.records.statuses()).isEmpty();
				assertThat(this.records.content(reference)).isEmpty();
				assertThat(this.transcripts.after(onlyChatted, 0)).isEmpty();
				assertThat(this.transcripts.after(handedOver, 0)).isEmpty();
				assertThat(this.chats.find(onlyChatted)).isEmpty();
				assertThat(this.chats.find(handedOver)).isEmpty();
				assertThat(String.join("\n", storedOutside())).doesNotContain(onlyChatted)
					.doesNotContain(handedOver)
					.doesNotContain(reference)
					.doesNotContain(letterId);
				assertThat(this.letterbox.find(letterId)).isEmpty();
				assertThat(this.auditLog.latest(1000)).extracting(AuditEntry::chatId)
					.doesNotContain(onlyChatted, handedOver, reference);
				// Looked up without touching them: a reconnect would count as activity.
				for (String token : tokens) {
					assertThat(this.sessions.findByTokenHash(VisitorTokens.hash(token))).isEmpty();
				}
			});
			StompHeaders connect = new StompHeaders();
			connect.add("visitor-token", tokens.get(0));
			assertThat(this.clients.refusal("/ws/visitor", new WebSocketHttpHeaders(), connect))
				.isEqualTo("UNKNOWN_VISITOR_TOKEN");
			assertThat(cia.get("/api/handovers").body()).isEqualTo("[]");
			assertThat(cia.get("/api/letterbox/" + pickupCode).body()).contains("UNKNOWN_PICKUP_CODE");
			// What is left is the aggregate: two chats and one handover, too few to be shown as numbers.
			java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm"));
			assertThat(new StaffHttp(this.clients, "sara")
				.get("/api/statistics/daily.csv?from=" + today.minusDays(1) + "&to=" + today)
				.body())
				.contains("\"sells-sex\",\"chats\",\"all\",<5,", "\"sells-sex\",\"handover\",\"adults-clinic\",<5,")
				.doesNotContain(onlyChatted)
				.doesNotContain(reference)
				.doesNotContain(WORDS)
				.doesNotContain(CONTACT)
				.doesNotContain(ADDRESS);
			assertThat(cia.get("/api/handovers/" + reference).statusCode()).isEqualTo(404);
		}
		assertThat(output.getAll()).doesNotContain(WORDS)
			.doesNotContain(CONTACT)
			.doesNotContain(ADDRESS)
			.doesNotContain(tokens.get(0))
			.doesNotContain(tokens.get(1));
	}

	private HttpResponse<String> letterFrom(String address, String body) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(this.clients.url("/api/letterbox")))
					.header("Content-Type", "application/json")
					.header("X-Forwarded-For", address)
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
