package se.fyren.staff;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

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
	 * @param queues the queues a counsellor serves (the groups they are
	 * qualified for); never both sides of the separation
	 * @param languages languages the counsellor chats in; empty for no
	 * preference recorded
	 * @param ageBands age bands the counsellor serves; empty for all
	 * @param maxChats most chats at once, 2 when not set
	 */
	public record Account(String username, String passwordHash, String displayName, Set<StaffRole> roles,
			Set<String> queues, Set<String> languages, Set<String> ageBands, Integer maxChats) {

		/** Concurrent chats when {@code max-chats} is not set. */
		public static final int DEFAULT_MAX_CHATS = 2;

		@ConstructorBinding
		public Account {
			roles = (roles != null) ? Set.copyOf(roles) : Set.of();
			queues = (queues != null) ? Set.copyOf(queues) : Set.of();
			languages = (languages != null) ? Set.copyOf(languages) : Set.of();
			ageBands = (ageBands != null) ? Set.copyOf(ageBands) : Set.of();
			maxChats = (maxChats != null) ? maxChats : DEFAULT_MAX_CHATS;
		}

		public Account(String username, String passwordHash, String displayName, Set<StaffRole> roles,
				Set<String> queues) {
			this(username, passwordHash, displayName, roles, queues, null, null, null);
		}

		public boolean isCounsellor() {
			return this.roles.contains(StaffRole.COUNSELLOR);
		}

		public boolean isSupervisor() {
			return this.roles.contains(StaffRole.SUPERVISOR);
		}

	}

}
