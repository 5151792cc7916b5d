package se.fyren.conversation;

class InMemoryChatNotesTests extends ChatNotesContract {

	@Override
	protected ChatNotes createNotes() {
		return new InMemoryChatNotes();
	}

}
