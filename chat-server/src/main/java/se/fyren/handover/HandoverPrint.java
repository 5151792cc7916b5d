package se.fyren.handover;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.owasp.encoder.Encode;

/**
 * A handover record as a printable HTML page for the case file. Everything
 * in it came from a visitor or counsellor and is encoded for HTML.
 */
final class HandoverPrint {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Europe/Stockholm"));

	private HandoverPrint() {
	}

	static String render(Handover handover, String unitName) {
		StringBuilder html = new StringBuilder(1024);
		html.append("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Handover ")
			.append(Encode.forHtml(handover.reference()))
			// An external sheet from Fyren itself: the Content-Security-Policy allows no inline style.
			.append("</title><link rel=\"stylesheet\" href=\"/console/handover-print.css\">")
			.append("</head><body class=\"fyren-handover-print\">\n<h1>Handover ")
			.append(Encode.forHtml(handover.reference()))
			.append("</h1>\n<dl><dt>Receiving unit</dt><dd>")
			.append(Encode.forHtml(unitName))
			.append("</dd><dt>Queue</dt><dd>")
			.append(Encode.forHtml(handover.queue()))
			.append("</dd><dt>Confirmed by the visitor</dt><dd>")
			.append(Encode.forHtml(TIME.format(handover.confirmedAt())))
			.append("</dd><dt>Contact details given by the visitor</dt><dd>")
			.append(Encode.forHtml((handover.contact() != null) ? handover.contact() : "none"))
			.append("</dd></dl>\n");
		if (handover.summary() != null) {
			html.append("<h2>Counsellor's summary</h2>\n<blockquote>")
				.append(Encode.forHtml(handover.summary()))
				.append("</blockquote>\n");
		}
		if (!handover.excerpts().isEmpty()) {
			html.append("<h2>Excerpts from the chat</h2>\n");
			for (Handover.Excerpt excerpt : handover.excerpts()) {
				html.append("<p>")
					.append(Encode.forHtml("VISITOR".equals(excerpt.from()) ? "Visitor" : "Counsellor"))
					.append(":</p><blockquote>")
					.append(Encode.forHtml(excerpt.text()))
					.append("</blockquote>\n");
			}
		}
		return html.append("</body></html>\n").toString();
	}

}
