package se.fyren.letterbox;

class InMemoryLetterboxTests extends LetterboxContract {

	@Override
	protected Letterbox createLetterbox() {
		return new InMemoryLetterbox();
	}

}
