package se.fyren.transport;

import java.security.Principal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import se.fyren.system.ErrorCode;
import se.fyren.system.FyrenException;

/**
 * Tells visitors from staff on a STOMP session.
 */
public final class Participants {

	/** Spring Security authority of counsellors. */
	public static final String COUNSELLOR = "ROLE_COUNSELLOR";

	/** Spring Security authority of supervisors. */
	public static final String SUPERVISOR = "ROLE_SUPERVISOR";

	private Participants() {
	}

	/** The visitor behind the frame, or FORBIDDEN. */
	public static VisitorPrincipal visitor(Principal principal) {
		if (principal instanceof VisitorPrincipal visitor) {
			return visitor;
		}
		throw new FyrenException(ErrorCode.FORBIDDEN, "Only visitors may use this destination");
	}

	/** The counsellor's username behind the frame, or FORBIDDEN. */
	public static String counsellor(Principal principal) {
		if (isCounsellor(principal)) {
			return principal.getName();
		}
		throw new FyrenException(ErrorCode.FORBIDDEN, "Only counsellors may use this destination");
	}

	public static boolean isCounsellor(Principal principal) {
		return principal instanceof Authentication auth && auth.isAuthenticated()
				&& auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(COUNSELLOR::equals);
	}

	/** The supervisor's username behind the frame, or FORBIDDEN. */
	public static String supervisor(Principal principal) {
		if (isSupervisor(principal)) {
			return principal.getName();
		}
		throw new FyrenException(ErrorCode.FORBIDDEN, "Only supervisors may use this destination");
	}

	public static boolean isSupervisor(Principal principal) {
		return principal instanceof Authentication auth && auth.isAuthenticated()
				&& auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(SUPERVISOR::equals);
	}

	/** Whether the principal is a logged-in staff member. */
	public static boolean isStaff(Principal principal) {
		return principal instanceof Authentication auth && auth.isAuthenticated();
	}

}
