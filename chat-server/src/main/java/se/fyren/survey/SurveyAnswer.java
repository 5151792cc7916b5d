package se.fyren.survey;

/**
 * The one optional question after a chat, "Did this chat help you?", and its
 * three answers.
 */
public enum SurveyAnswer {

	YES, SOMEWHAT, NO

}
