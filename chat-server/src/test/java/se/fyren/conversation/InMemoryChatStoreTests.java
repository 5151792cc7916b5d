package se.fyren.conversation;

class InMemoryChatStoreTests extends ChatStoreContract {

	@Override
	protected ChatStore createStore() {
		return new InMemoryChatStore();
	}

}
