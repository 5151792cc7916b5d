package se.fyren.letterbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.fyren.counsellor.CounsellorPresence;
import se.fyren.queue.QueueCatalog;
import se.fyren.queue.Separation;
import se.fyren.staff.StaffDirectory;
import se.fyren.staff.StaffProperties.Account;
import se.fyren.system.ErrorCode;
import se.fyren.system.FyrenException;
import se.fyren.system.RandomIds;
import se.fyren.system.UntrustedText;
import se.fyren.transport.ClientEvent;
import se.fyren.transport.Delivery;

/**
 * The anonymous letterbox: a visitor leaves a letter for a queue and gets a
 * pickup code; a counsellor of that queue's group answers later; the visitor
 * reads the answer with the code. Letters expire after the retention window.
 */
@Component
class LetterboxDesk {

	private static final Logger logger = LoggerFactory.getLogger(LetterboxDesk.class);

	private final Letterbox letterbox;

	private final QueueCatalog catalog;

	private final StaffDirectory staff;

	private final CounsellorPresence presence;

	private final Delivery delivery;

	private final LetterboxProperties properties;

	private final Clock clock;

	LetterboxDesk(Letterbox letterbox, QueueCatalog catalog, StaffDirectory staff, CounsellorPresence presence,
			Delivery delivery, LetterboxProperties properties, Clock clock) {
		this.letterbox = letterbox;
		this.catalog = catalog;
		this.staff = staff;
		this.presence = presence;
		this.delivery = delivery;
		this.properties = properties;
		this.clock = clock;
	}

	/** Leaves a letter; returns the pickup code, which is not kept. */
	String post(String queue, String text, String language) {
		if (queue == null || !this.catalog.exists(queue)) {
			throw new FyrenException(ErrorCode.UNKNOWN_QUEUE, "No such queue");
		}
		if (!this.catalog.definition(queue).orElseThrow().letterbox()) {
			throw new FyrenException(ErrorCode.LETTERBOX_UNAVAILABLE, "This queue takes no letterbox messages");
		}
		if (!this.catalog.acceptsLanguage(language)) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "Unknown language");
		}
		String code = PickupCodes.newCode();
		Letter letter = new Letter(RandomIds.of(16), PickupCodes.hash(code), queue, clean(text), language,
				this.clock.instant(), null, null, null);
		this.letterbox.save(letter);
		logger.info("Letter {} left for queue {}", letter.id(), queue);
		for (Account account : this.staff.all()) {
			if (account.isCounsellor() && this.presence.isOnDuty(account.username()) && mayServe(account, queue)) {
				sendPending(account);
			}
		}
		return code;
	}

	/** The letter with the code; UNKNOWN_PICKUP_CODE when there is none (or it expired). */
	Letter read(String code) {
		if (!PickupCodes.plausible(code)) {
			throw new FyrenException(ErrorCode.UNKNOWN_PICKUP_CODE, "No letter has that code");
		}
		return this.letterbox.findByCodeHash(PickupCodes.hash(code))
			.filter((letter) -> !expired(letter))
			.orElseThrow(() -> new FyrenException(ErrorCode.UNKNOWN_PICKUP_CODE, "No letter has that code"));
	}

	/** Sends the counsellor the unanswered letters of the queues they serve. */
	void sendPending(Account me) {
		List<LetterView> letters = this.letterbox.unanswered(me.queues())
			.stream()
			.filter((letter) -> mayServe(me, letter.queue()) && !expired(letter))
			.map(LetterView::of)
			.toList();
		this.delivery.toStaff(me.username(), new Letters(letters));
	}

	/** A counsellor of the letter's group answers it, once. */
	void answer(Account me, String letterId, String text) {
		String answer = clean(text);
		Instant now = this.clock.instant();
		Letter letter = (letterId != null) ? this.letterbox.find(letterId).orElse(null) : null;
		if (letter == null || expired(letter) || !mayServe(me, letter.queue())) {
			throw new FyrenException(ErrorCode.UNKNOWN_LETTER, "No such letter in your queues");
		}
		this.letterbox.update(letterId, (current) -> {
			if (current.answered()) {
				throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "The letter has been answered already");
			}
			return current.answeredWith(answer, me.username(), now);
		});
		logger.info("Letter {} answered", letterId);
		sendPending(me);
	}

	@Scheduled(fixedDelayString = "${fyren.retention.purge-interval:1m}")
	void purgeExpired() {
		int removed = this.letterbox.removeSentBefore(this.clock.instant().minus(this.properties.retention()));
		if (removed > 0) {
			logger.info("Deleted {} letters past retention", removed);
		}
	}

	private boolean expired(Letter letter) {
		return letter.sentAt().plus(this.properties.retention()).isBefore(this.clock.instant());
	}

	private boolean mayServe(Account account, String queue) {
		return Separation.mayServe(this.catalog.sides(), account.queues(), queue);
	}

	private String clean(String text) {
		if (text == null || text.isBlank()) {
			throw new FyrenException(ErrorCode.INVALID_PAYLOAD, "text must not be blank");
		}
		// The same neutralising as chat messages: no bidi override may disguise what a letter says.
		String normalized = UntrustedText.neutralise(text).strip();
		if (normalized.codePointCount(0, normalized.length()) > this.properties.maxTextLength()) {
			throw new FyrenException(ErrorCode.MESSAGE_TOO_LONG,
					"text is longer than " + this.properties.maxTextLength() + " characters");
		}
		return normalized;
	}

	/** To a counsellor: the unanswered letters of their queues. */
	@JsonTypeName("letterbox")
	record Letters(List<LetterView> letters) implements ClientEvent {
	}

	/** A letter as a counsellor sees it: no code, no hash. */
	record LetterView(String id, String queue, String text, String language, Instant sentAt) {

		static LetterView of(Letter letter) {
			return new LetterView(letter.id(), letter.queue(), letter.text(), letter.language(), letter.sentAt());
		}

	}

}
