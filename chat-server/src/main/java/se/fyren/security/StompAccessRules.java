package se.fyren.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.messaging.access.intercept.MessageAuthorizationContext;
import org.springframework.security.messaging.access.intercept.MessageMatcherDelegatingAuthorizationManager;
import org.springframework.security.messaging.util.matcher.MessageMatcher;
import org.springframework.security.messaging.util.matcher.PathPatternMessageMatcher;

import se.fyren.staff.StaffRole;
import se.fyren.transport.Endpoint;
import se.fyren.transport.VisitorPrincipal;

/**
 * Who may send which STOMP frame, in one table. Everything the table does not
 * name is denied. A new destination needs a line here; until it has one,
 * nobody can use it (and {@code StompAuthorizationMatrixTests} says so).
 * <p>
 * The rules look at the frame's own user header and endpoint, not at an
 * ambient security context: a visitor is a {@link VisitorPrincipal} on the
 * visitor endpoint, staff are an {@link Authentication} with a role on the
 * staff endpoint. Which chat a frame may touch is checked where the chat is
 * looked up (a visitor only ever reaches their own, a counsellor only chats
 * assigned to them).
 */
final class StompAccessRules {

	/** The kinds of participant a rule can admit. */
	enum Kind {

		/** An anonymous visitor on the visitor endpoint. */
		VISITOR,
		/** A counsellor on the staff endpoint. */
		COUNSELLOR,
		/** A supervisor or admin on the staff endpoint: reads, never writes into chats. */
		SUPERVISOR,
		/** Anyone who completed CONNECT on either endpoint. */
		ANY_PARTICIPANT

	}

	/**
	 * One line of the table.
	 *
	 * @param type the frame type
	 * @param pattern destination pattern, {@code **} for the rest of a path
	 * @param kinds who may
	 */
	record Rule(SimpMessageType type, String pattern, Set<Kind> kinds) {

		MessageMatcher<Object> matcher() {
			return PathPatternMessageMatcher.withDefaults().matcher(this.type, this.pattern);
		}

	}

	/** The table. Add a line for each new group of destinations. */
	static final List<Rule> RULES = List.of(
			new Rule(SimpMessageType.MESSAGE, "/app/visitor/**", Set.of(Kind.VISITOR)),
			new Rule(SimpMessageType.MESSAGE, "/app/counsellor/**", Set.of(Kind.COUNSELLOR)),
			// Watching the dashboard and monitoring chats: reading only, nothing here writes into a chat.
			new Rule(SimpMessageType.MESSAGE, "/app/supervisor/**", Set.of(Kind.SUPERVISOR)),
			new Rule(SimpMessageType.SUBSCRIBE, "/user/queue/events", Set.of(Kind.ANY_PARTICIPANT)),
			new Rule(SimpMessageType.SUBSCRIBE, "/user/queue/errors", Set.of(Kind.ANY_PARTICIPANT)));

	private StompAccessRules() {
	}

	/** The table as one authorization manager, default deny. */
	static AuthorizationManager<Message<?>> authorizationManager() {
		MessageMatcherDelegatingAuthorizationManager.Builder messages = MessageMatcherDelegatingAuthorizationManager
			.builder();
		// CONNECT is judged per endpoint; the visitor's token is checked right after by the visitor module.
		messages.simpTypeMatchers(SimpMessageType.CONNECT).access(StompAccessRules::mayConnect);
		// Leaving and heartbeats are always allowed.
		messages.simpTypeMatchers(SimpMessageType.DISCONNECT, SimpMessageType.HEARTBEAT, SimpMessageType.UNSUBSCRIBE)
			.permitAll();
		for (Rule rule : RULES) {
			messages.matchers(rule.matcher()).access((authentication, context) -> admits(rule.kinds(), context));
		}
		return messages.anyMessage().denyAll().build();
	}

	/** Whether some rule names the frame's destination, for telling FORBIDDEN from UNKNOWN_DESTINATION. */
	static boolean knows(Message<?> message) {
		try {
			return RULES.stream().anyMatch((rule) -> rule.matcher().matches(message));
		}
		catch (IllegalArgumentException ex) {
			// Not a path at all.
			return false;
		}
	}

	/** The kinds of participant that sent the frame. */
	static Set<Kind> kindsOf(Message<?> message) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(message);
		Endpoint endpoint = Endpoint.of(headers.getSessionAttributes());
		Object user = headers.getUser();
		if (endpoint == Endpoint.VISITOR && user instanceof VisitorPrincipal) {
			return Set.of(Kind.VISITOR, Kind.ANY_PARTICIPANT);
		}
		if (endpoint == Endpoint.STAFF && user instanceof Authentication auth && auth.isAuthenticated()) {
			Set<String> roles = Set.copyOf(auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
			EnumSet<Kind> kinds = EnumSet.of(Kind.ANY_PARTICIPANT);
			if (roles.contains(role(StaffRole.COUNSELLOR))) {
				kinds.add(Kind.COUNSELLOR);
			}
			if (roles.contains(role(StaffRole.SUPERVISOR)) || roles.contains(role(StaffRole.ADMIN))) {
				kinds.add(Kind.SUPERVISOR);
			}
			return kinds;
		}
		return Set.of();
	}

	private static AuthorizationDecision admits(Set<Kind> kinds, MessageAuthorizationContext<?> context) {
		Set<Kind> sender = kindsOf(context.getMessage());
		return new AuthorizationDecision(kinds.stream().anyMatch(sender::contains));
	}

	private static AuthorizationDecision mayConnect(Supplier<? extends Authentication> authentication,
			MessageAuthorizationContext<?> context) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(context.getMessage());
		Endpoint endpoint = Endpoint.of(headers.getSessionAttributes());
		if (endpoint == Endpoint.VISITOR) {
			return new AuthorizationDecision(true);
		}
		return new AuthorizationDecision(endpoint == Endpoint.STAFF && headers.getUser() instanceof Authentication auth
				&& auth.isAuthenticated() && auth.getAuthorities().stream().anyMatch((a) -> a.getAuthority().startsWith("ROLE_")));
	}

	private static String role(StaffRole role) {
		return "ROLE_" + role.name();
	}

}
