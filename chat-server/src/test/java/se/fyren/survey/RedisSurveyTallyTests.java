package se.fyren.survey;

import org.junit.jupiter.api.AfterAll;

import se.fyren.testsupport.RedisTestStore;

class RedisSurveyTallyTests extends SurveyTallyContract {

	static final RedisTestStore store = new RedisTestStore();

	@AfterAll
	static void cleanUp() {
		store.close();
	}

	@Override
	protected SurveyTally createTally() {
		return new RedisSurveyTally(store.template(), store.freshKeys());
	}

}
