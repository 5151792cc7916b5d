package se.fyren.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import se.fyren.staff.StaffProperties.Account;
import se.fyren.staff.StaffRole;

/**
 * Turns an identity provider's claims into a staff account: roles and queues
 * from the configured groups, never from anything the person could choose.
 */
final class OidcStaffMapping {

	private final OidcProperties properties;

	OidcStaffMapping(OidcProperties properties) {
		this.properties = properties;
	}

	/** The account for these claims; without a username or a role, nobody. */
	Account account(Map<String, Object> claims) {
		Object username = claims.get(this.properties.usernameClaim());
		if (!(username instanceof String name) || name.isBlank() || name.contains(":")) {
			return null;
		}
		Set<String> groups = groups(claims.get(this.properties.groupsClaim()));
		Set<StaffRole> roles = matching(this.properties.roles(), groups).stream()
			.collect(Collectors.toUnmodifiableSet());
		if (roles.isEmpty()) {
			return null;
		}
		Set<String> queues = matching(this.properties.queues(), groups);
		Object displayName = claims.get(this.properties.displayNameClaim());
		return new Account(name, null, (displayName instanceof String shown && !shown.isBlank()) ? shown : name, roles,
				queues);
	}

	private static <K> Set<K> matching(Map<K, List<String>> byGroups, Set<String> groups) {
		return byGroups.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().stream().anyMatch(groups::contains))
			.map(Map.Entry::getKey)
			.collect(Collectors.toUnmodifiableSet());
	}

	private static Set<String> groups(Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
		}
		if (claim instanceof String single) {
			return Set.of(single);
		}
		return Set.of();
	}

}
