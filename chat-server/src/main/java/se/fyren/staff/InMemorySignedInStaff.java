package se.fyren.staff;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Signed-in accounts in this node's memory, for embedded mode; kept as long
 * as the process runs.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class InMemorySignedInStaff implements SignedInStaff {

	private final Map<String, StaffProperties.Account> accounts = new ConcurrentHashMap<>();

	@Override
	public void remember(StaffProperties.Account account) {
		this.accounts.put(account.username(), account);
	}

	@Override
	public Optional<StaffProperties.Account> find(String username) {
		return Optional.ofNullable(this.accounts.get(username));
	}

	@Override
	public Collection<StaffProperties.Account> all() {
		return List.copyOf(this.accounts.values());
	}

}
