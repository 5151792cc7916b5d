package se.fyren.transport;

/**
 * Refuses a STOMP CONNECT; the client receives an ERROR frame with the code
 * and the connection closes.
 */
public class ConnectRefusedException extends RuntimeException {

	private final String code;

	public ConnectRefusedException(String code) {
		super(code, null, false, false);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
