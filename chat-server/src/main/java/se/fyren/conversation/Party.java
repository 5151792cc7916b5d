package se.fyren.conversation;

/**
 * The two sides of a chat, and the system itself (which only ever ends one,
 * for inactivity).
 */
public enum Party {

	VISITOR, COUNSELLOR, SYSTEM

}
