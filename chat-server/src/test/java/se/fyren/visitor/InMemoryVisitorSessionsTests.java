package se.fyren.visitor;

class InMemoryVisitorSessionsTests extends VisitorSessionsContract {

	@Override
	protected VisitorSessions createSessions() {
		return new InMemoryVisitorSessions();
	}

}
