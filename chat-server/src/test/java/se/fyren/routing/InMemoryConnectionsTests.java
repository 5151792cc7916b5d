package se.fyren.routing;

class InMemoryConnectionsTests extends ConnectionsContract {

	@Override
	protected Connections createConnections() {
		return new InMemoryConnections();
	}

}
