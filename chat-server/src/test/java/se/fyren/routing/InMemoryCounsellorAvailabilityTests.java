package se.fyren.routing;

class InMemoryCounsellorAvailabilityTests extends CounsellorAvailabilityContract {

	@Override
	protected CounsellorAvailability createAvailability() {
		return new InMemoryCounsellorAvailability();
	}

}
