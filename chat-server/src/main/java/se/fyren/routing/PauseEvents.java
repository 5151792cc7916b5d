package se.fyren.routing;

import com.fasterxml.jackson.annotation.JsonTypeName;

import se.fyren.transport.ClientEvent;

/**
 * Events about a counsellor pausing: one for the counsellor's consoles, one
 * inside the application.
 */
public final class PauseEvents {

	private PauseEvents() {
	}

	/** To the counsellor: whether they are paused now. */
	@JsonTypeName("pause")
	public record Paused(boolean paused) implements ClientEvent {
	}

	/**
	 * Inside the application: a counsellor paused or resumed.
	 *
	 * @param username who
	 * @param paused paused now
	 */
	public record PauseSet(String username, boolean paused) {
	}

}
