package se.fyren.supervision;

class InMemoryChatMonitorsTests extends ChatMonitorsContract {

	@Override
	protected ChatMonitors createMonitors() {
		return new InMemoryChatMonitors();
	}

}
