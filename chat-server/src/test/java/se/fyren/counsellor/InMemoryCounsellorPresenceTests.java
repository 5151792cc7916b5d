package se.fyren.counsellor;

class InMemoryCounsellorPresenceTests extends CounsellorPresenceContract {

	@Override
	protected CounsellorPresence createPresence() {
		return new InMemoryCounsellorPresence();
	}

}
