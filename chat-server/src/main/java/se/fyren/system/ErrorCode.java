package se.fyren.system;

/**
 * Stable error codes sent to clients. Each is documented in
 * {@code docs/stomp-api.asyncapi.yaml}; a test keeps the two in step.
 */
public enum ErrorCode {

	/** The body is not JSON of the expected shape. */
	MALFORMED_PAYLOAD,
	/** A field is missing or has a value out of range. */
	INVALID_PAYLOAD,
	/** The text is longer than the configured limit. */
	MESSAGE_TOO_LONG,
	/** No queue has that id. */
	UNKNOWN_QUEUE,
	/** SEND or SUBSCRIBE to a destination that does not exist. */
	UNKNOWN_DESTINATION,
	/** The destination is not open to this kind of participant. */
	FORBIDDEN,
	/** The visitor is already queued or chatting. */
	ALREADY_JOINED,
	/** The visitor has no active chat or queue place. */
	NOT_IN_CHAT,
	/** The chat is not assigned to this counsellor, or does not exist. */
	NOT_A_PARTICIPANT,
	/** The chat has ended. */
	CHAT_ENDED,
	/** The counsellor must be on duty. */
	NOT_ON_DUTY,
	/** The counsellor does not serve that queue. */
	NOT_QUALIFIED,
	/** Nobody is waiting in that queue. */
	QUEUE_EMPTY,
	/** The queue is closed now; GET /api/queues says when it opens and where to turn. */
	QUEUE_CLOSED,
	/** The queue has reached its maximum length or expected wait. */
	QUEUE_FULL,
	/** The counsellor (or the colleague) already holds as many chats as they may. */
	AT_CAPACITY,
	/** The offer was withdrawn, expired, or the visitor left. */
	OFFER_GONE,
	/** The named chat is not waiting in that queue. */
	NOT_WAITING,
	/** The colleague does not exist or is not on duty. */
	COLLEAGUE_UNAVAILABLE,
	/** A chat never moves between separated groups. */
	SEPARATED_GROUPS,
	/** No letterbox message has that pickup code (or it has expired). */
	UNKNOWN_PICKUP_CODE,
	/** The queue takes no letterbox messages. */
	LETTERBOX_UNAVAILABLE,
	/** No letterbox message with that id in a queue the counsellor serves. */
	UNKNOWN_LETTER,
	/** Too many requests of this kind from this client; try again after {@code retryAfterSeconds}. */
	RATE_LIMITED,
	/** The survey is only for a chat that has ended. */
	CHAT_NOT_ENDED,
	/** The survey for this chat has been answered already. */
	SURVEY_ALREADY_ANSWERED,
	/** No active chat has that id (supervisors' monitoring). */
	NO_ACTIVE_CHAT,
	/** The shared store (cluster mode) cannot be reached; try again shortly. */
	TEMPORARILY_UNAVAILABLE,
	/** Something unexpected; details stay in the server. */
	INTERNAL_ERROR,
	/** No receiving unit has that id. */
	UNKNOWN_HANDOVER_UNIT,
	/** The chat has no open handover proposal with that id (declined, replaced or expired). */
	NO_HANDOVER_PROPOSAL,
	/** No report of concern awaiting sign-off has that reference. */
	NO_SUCH_REPORT,
	/**
	 * This visitor session may not join a queue for a while (a counsellor
	 * blocked it); try again after {@code retryAfterSeconds}. The widget says
	 * so kindly, without accusing anyone.
	 */
	VISITOR_BLOCKED

}
