package se.fyren.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.fyren.staff.StaffProperties.Account;
import se.fyren.staff.StaffRole;

import static org.assertj.core.api.Assertions.assertThat;

class OidcStaffMappingTests {

	private final OidcStaffMapping mapping = new OidcStaffMapping(new OidcProperties("preferred_username", "given_name",
			"groups",
			Map.of(StaffRole.COUNSELLOR, List.of("fyren-kuratorer"), StaffRole.SUPERVISOR,
					List.of("fyren-arbetsledare")),
			Map.of("youth", List.of("fyren-unga"), "buys-sex", List.of("fyren-kopare"), "relatives",
					List.of("fyren-unga", "fyren-anhoriga"))));

	@Test
	void groupsGiveRolesAndQueues() {
		Account account = this.mapping.account(Map.of("preferred_username", "lena.k", "given_name", "Lena", "groups",
				List.of("fyren-kuratorer", "fyren-unga", "alla-anstallda")));
		assertThat(account.username()).isEqualTo("lena.k");
		assertThat(account.displayName()).isEqualTo("Lena");
		assertThat(account.roles()).containsExactly(StaffRole.COUNSELLOR);
		assertThat(account.queues()).containsExactlyInAnyOrder("youth", "relatives");
		assertThat(account.passwordHash()).isNull();
	}

	@Test
	void aSingleGroupStringCountsAndTheUsernameStandsInForAMissingName() {
		Account account = this.mapping.account(Map.of("preferred_username", "sam", "groups", "fyren-arbetsledare"));
		assertThat(account.roles()).containsExactly(StaffRole.SUPERVISOR);
		assertThat(account.queues()).isEmpty();
		assertThat(account.displayName()).isEqualTo("sam");
	}

	@Test
	void nobodyWithoutARoleGroupOrAUsableUsername() {
		assertThat(this.mapping.account(Map.of("preferred_username", "eva", "groups", List.of("fyren-unga")))).isNull();
		assertThat(this.mapping.account(Map.of("groups", List.of("fyren-kuratorer")))).isNull();
		assertThat(this.mapping.account(Map.of("preferred_username", "a:b", "groups", List.of("fyren-kuratorer"))))
			.isNull();
	}

}
