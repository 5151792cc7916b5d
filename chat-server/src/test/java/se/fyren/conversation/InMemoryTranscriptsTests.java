package se.fyren.conversation;

class InMemoryTranscriptsTests extends TranscriptsContract {

	@Override
	protected Transcripts createTranscripts() {
		return new InMemoryTranscripts();
	}

}
