package se.fyren.staff;

import java.util.Collection;
import java.util.Optional;

/**
 * Staff accounts made from the identity provider at sign-in, seen alike by
 * every node: a person signed in through one node is a counsellor or
 * supervisor with the same roles and queues on all of them.
 */
interface SignedInStaff {

	/** Remembers the account, replacing what the same person had at their last sign-in. */
	void remember(StaffProperties.Account account);

	/** The account of someone who signed in, if any. */
	Optional<StaffProperties.Account> find(String username);

	/** Everyone who signed in. */
	Collection<StaffProperties.Account> all();

}
