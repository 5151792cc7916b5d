package se.fyren.staff;

class InMemorySignedInStaffTests extends SignedInStaffContract {

	@Override
	protected SignedInStaff createSignedInStaff() {
		return new InMemorySignedInStaff();
	}

}
