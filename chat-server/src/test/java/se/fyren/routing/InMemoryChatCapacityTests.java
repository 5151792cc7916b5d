package se.fyren.routing;

class InMemoryChatCapacityTests extends ChatCapacityContract {

	private InMemoryChatCapacity last;

	@Override
	protected ChatCapacity createCapacity() {
		this.last = new InMemoryChatCapacity();
		return this.last;
	}

	/** One node in embedded mode: its threads share the one store. */
	@Override
	protected ChatCapacity sameStoreAgain() {
		return this.last;
	}

}
