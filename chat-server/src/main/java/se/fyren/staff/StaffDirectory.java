package se.fyren.staff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

	// Known on this node from their latest sign-in; a cluster needs them in shared state.
	private final Map<String, StaffProperties.Account> signedIn = new ConcurrentHashMap<>();

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

	/** A configured account, or one signed in through the identity provider. */
	public Optional<StaffProperties.Account> find(String username) {
		StaffProperties.Account configured = this.accounts.get(username);
		return (configured != null) ? Optional.of(configured) : Optional.ofNullable(this.signedIn.get(username));
	}

	/** Every staff account, configured or signed in through the identity provider. */
	public Collection<StaffProperties.Account> all() {
		List<StaffProperties.Account> all = new ArrayList<>(this.accounts.values());
		all.addAll(this.signedIn.values());
		return all;
	}

	/**
	 * Remembers an account from the identity provider, replacing what the
	 * same person had at their last sign-in. False when a configured account
	 * has the username: the provider cannot take over a local account.
	 */
	public boolean rememberSignedIn(StaffProperties.Account account) {
		if (this.accounts.containsKey(account.username())) {
			return false;
		}
		this.signedIn.put(account.username(), account);
		return true;
	}

}
