package se.fyren.routing;

class InMemoryOffersTests extends OffersContract {

	@Override
	protected Offers createOffers() {
		return new InMemoryOffers();
	}

}
