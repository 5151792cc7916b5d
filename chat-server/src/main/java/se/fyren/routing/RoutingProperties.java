package se.fyren.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Routing settings.
 *
 * @param offerTimeout an offer not accepted within this goes to the next counsellor
 * @param highRiskPause no automatic offers to a counsellor for this long after
 * an urgent chat of theirs ends
 * @param sweepInterval how often timeouts are checked
 * @param visitorSilenceWarning a visitor silent (or gone) this long in an
 * active chat is warned
 * @param inactivityCloseAfter the chat closes this long after the warning
 * unless the visitor shows up
 * @param queuedDisconnectGrace a queued visitor without a connection this long
 * leaves the queue
 * @param counsellorDropGrace a counsellor without a connection this long loses
 * their chats to the front of the queue and goes off duty
 * @param defaultHandlingTime assumed length of a chat until there are real ones
 * to go by
 * @param dangerKeywords words and phrases that, in a visitor's first message,
 * raise the chat's priority; per language, all lists are scanned
 */
@ConfigurationProperties("fyren.routing")
public record RoutingProperties(@DefaultValue("30s") Duration offerTimeout, @DefaultValue("5m") Duration highRiskPause,
		@DefaultValue("2s") Duration sweepInterval, @DefaultValue("10m") Duration visitorSilenceWarning,
		@DefaultValue("2m") Duration inactivityCloseAfter, @DefaultValue("2m") Duration queuedDisconnectGrace,
		@DefaultValue("2m") Duration counsellorDropGrace, @DefaultValue("20m") Duration defaultHandlingTime,
		Map<String, List<String>> dangerKeywords) {

	public RoutingProperties {
		dangerKeywords = (dangerKeywords != null) ? Map.copyOf(dangerKeywords) : Map.of();
	}

}
