package se.fyren.staff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

import se.fyren.queue.QueueCatalog;
import se.fyren.queue.Separation;

/**
 * The staff accounts, checked at startup: unique usernames without colons,
 * encoded password hashes, queues that exist and never span both separated
 * sides, known languages and age bands.
 */
@Component
public class StaffDirectory {

	private static final Logger logger = LoggerFactory.getLogger(StaffDirectory.class);

	private final Map<String, StaffProperties.Account> accounts;

	private final SignedInStaff signedIn;

	StaffDirectory(StaffProperties properties, QueueCatalog queues, SignedInStaff signedIn) {
		this.signedIn = signedIn;
		for (StaffProperties.Account account : properties.accounts()) {
			Assert.hasText(account.username(), "Every staff account needs a username");
			Assert.isTrue(!account.username().contains(":"), "Staff usernames may not contain ':'");
			Assert.isTrue(account.passwordHash() != null && account.passwordHash().startsWith("{"),
					() -> "Account " + account.username() + " needs an encoded password-hash such as {bcrypt}...");
			account.queues()
				.forEach((queue) -> Assert.isTrue(queues.exists(queue),
						() -> "Account " + account.username() + " serves unknown queue " + queue));
			Assert.isTrue(Separation.mayShare(account.queues().stream().map(queues.sides()::get).collect(Collectors.toSet())),
					() -> "Account " + account.username()
							+ " serves queues of both separated sides (EXPLOITED and BUYERS); give each side its own counsellors");
			Assert.isTrue(account.maxChats() >= 1, () -> "Account " + account.username() + " needs max-chats of at least 1");
			account.languages()
				.forEach((language) -> Assert.isTrue(queues.acceptsLanguage(language),
						() -> "Account " + account.username() + " speaks unknown language " + language));
			account.ageBands()
				.forEach((band) -> Assert.isTrue(queues.acceptsAgeBand(band),
						() -> "Account " + account.username() + " serves unknown age band " + band));
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
		return (configured != null) ? Optional.of(configured) : this.signedIn.find(username);
	}

	/** Every staff account, configured or signed in through the identity provider. */
	public Collection<StaffProperties.Account> all() {
		List<StaffProperties.Account> all = new ArrayList<>(this.accounts.values());
		all.addAll(this.signedIn.all());
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
		this.signedIn.remember(account);
		return true;
	}

}
