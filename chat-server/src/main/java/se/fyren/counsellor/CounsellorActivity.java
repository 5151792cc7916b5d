package se.fyren.counsellor;

/**
 * Application events about counsellors, for routing. Never sent to clients.
 */
public final class CounsellorActivity {

	private CounsellorActivity() {
	}

	/**
	 * A counsellor went on or off duty.
	 *
	 * @param username who
	 * @param onDuty now on duty
	 */
	public record DutySet(String username, boolean onDuty) {
	}

	/**
	 * A counsellor's console asked for its whole state again.
	 *
	 * @param username who
	 */
	public record Synced(String username) {
	}

}
