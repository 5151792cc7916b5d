package se.fyren.staff;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff accounts from configuration.
 *
 * @param accounts the accounts
 * @param demo true when these are the shipped demo accounts, which must not be
 * used for real work
 */
@ConfigurationProperties("fyren.staff")
public record StaffProperties(List<Account> accounts, boolean demo) {

	public StaffProperties {
		accounts = (accounts != null) ? List.copyOf(accounts) : List.of();
	}

	/**
	 * One staff member.
	 *
	 * @param username login name, no colon
	 * @param passwordHash a Spring Security encoded hash such as
	 * {@code {bcrypt}$2a$12$...}; never a plain password
	 * @param displayName the name visitors see, often a first name or alias
	 * @param roles what they may do
	 * @param queues the queues a counsellor serves
	 */
	public record Account(String username, String passwordHash, String displayName, Set<StaffRole> roles,
			Set<String> queues) {

		public Account {
			roles = (roles != null) ? Set.copyOf(roles) : Set.of();
			queues = (queues != null) ? Set.copyOf(queues) : Set.of();
		}

	}

}
