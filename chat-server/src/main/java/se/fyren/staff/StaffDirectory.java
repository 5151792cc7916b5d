package se.fyren.staff;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

import se.fyren.queue.QueueCatalog;

/**
 * The staff accounts, checked at startup: unique usernames without colons,
 * encoded password hashes, and queues that exist.
 */
@Component
public class StaffDirectory {

	private static final Logger logger = LoggerFactory.getLogger(StaffDirectory.class);

	private final Map<String, StaffProperties.Account> accounts;

	StaffDirectory(StaffProperties properties, QueueCatalog queues) {
		for (StaffProperties.Account account : properties.accounts()) {
			Assert.hasText(account.username(), "Every staff account needs a username");
			Assert.isTrue(!account.username().contains(":"), "Staff usernames may not contain ':'");
			Assert.isTrue(account.passwordHash() != null && account.passwordHash().startsWith("{"),
					() -> "Account " + account.username() + " needs an encoded password-hash such as {bcrypt}...");
			account.queues()
				.forEach((queue) -> Assert.isTrue(queues.exists(queue),
						() -> "Account " + account.username() + " serves unknown queue " + queue));
		}
		this.accounts = properties.accounts()
			.stream()
			.collect(Collectors.toUnmodifiableMap(StaffProperties.Account::username, Function.identity()));
		if (properties.demo()) {
			logger.warn("Demo staff accounts are active ({}); they are for trying Fyren, never for real work",
					String.join(", ", this.accounts.keySet().stream().sorted().toList()));
		}
	}

	public Optional<StaffProperties.Account> find(String username) {
		return Optional.ofNullable(this.accounts.get(username));
	}

	/** Every staff account. */
	public Collection<StaffProperties.Account> all() {
		return this.accounts.values();
	}

}
