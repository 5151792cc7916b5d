package se.fyren.survey;

class InMemorySurveyTallyTests extends SurveyTallyContract {

	@Override
	protected SurveyTally createTally() {
		return new InMemorySurveyTally();
	}

}
