package se.fyren.conversation;

/**
 * The two sides of a chat.
 */
public enum Party {

	VISITOR, COUNSELLOR

}
