package se.fyren.routing;

class InMemoryVisitorActivityTests extends VisitorActivityContract {

	@Override
	protected VisitorActivity createActivity() {
		return new InMemoryVisitorActivity();
	}

}
