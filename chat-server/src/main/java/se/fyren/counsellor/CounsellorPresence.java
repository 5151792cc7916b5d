package se.fyren.counsellor;

import java.util.Set;

/**
 * Which counsellors are on duty.
 */
public interface CounsellorPresence {

	void setOnDuty(String username, boolean onDuty);

	boolean isOnDuty(String username);

	/** Usernames of everyone on duty. */
	Set<String> onDuty();

}
