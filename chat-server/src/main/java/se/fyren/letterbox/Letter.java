package se.fyren.letterbox;

import java.time.Instant;

/**
 * An anonymous letterbox message and its answer. Found by the hash of its
 * pickup code only; the code itself is never stored.
 *
 * @param id opaque random id, for counsellors
 * @param codeHash SHA-256 of the normalised pickup code, hex
 * @param queue the queue (group) it was left for
 * @param text what the visitor wrote, untrusted
 * @param language the visitor's language, or null
 * @param sentAt when it was left
 * @param answer the counsellor's answer, or null
 * @param answeredBy username of the counsellor who answered, or null
 * @param answeredAt when it was answered, or null
 */
public record Letter(String id, String codeHash, String queue, String text, String language, Instant sentAt,
		String answer, String answeredBy, Instant answeredAt) {

	public boolean answered() {
		return this.answer != null;
	}

	Letter answeredWith(String text, String username, Instant at) {
		return new Letter(this.id, this.codeHash, this.queue, this.text, this.language, this.sentAt, text, username, at);
	}

}
