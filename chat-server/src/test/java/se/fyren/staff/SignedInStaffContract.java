package se.fyren.staff;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link SignedInStaff} must do; one subclass per implementation.
 */
abstract class SignedInStaffContract {

	static final StaffProperties.Account KIM = new StaffProperties.Account("kim.k", null, "Kim",
			Set.of(StaffRole.COUNSELLOR), Set.of("youth", "relatives"), Set.of("sv", "ar"), Set.of("15-17"), 3);

	SignedInStaff signedIn;

	protected abstract SignedInStaff createSignedInStaff();

	@BeforeEach
	void setUpSignedInStaff() {
		this.signedIn = createSignedInStaff();
	}

	@Test
	void nobodyIsKnownBeforeSigningIn() {
		assertThat(this.signedIn.find("kim.k")).isEmpty();
		assertThat(this.signedIn.all()).isEmpty();
	}

	@Test
	void remembersEverythingAboutTheAccount() {
		this.signedIn.remember(KIM);
		assertThat(this.signedIn.find("kim.k")).contains(KIM);
		assertThat(this.signedIn.all()).containsExactly(KIM);
	}

	@Test
	void aNewSignInReplacesWhatThePersonHadBefore() {
		this.signedIn.remember(KIM);
		StaffProperties.Account supervisorNow = new StaffProperties.Account("kim.k", null, "Kim K",
				Set.of(StaffRole.SUPERVISOR), Set.of());
		this.signedIn.remember(supervisorNow);
		this.signedIn.remember(new StaffProperties.Account("lo", null, "Lo", Set.of(StaffRole.COUNSELLOR), Set.of("youth")));
		assertThat(this.signedIn.find("kim.k")).contains(supervisorNow);
		assertThat(this.signedIn.all()).extracting(StaffProperties.Account::username)
			.containsExactlyInAnyOrder("kim.k", "lo");
	}

}
