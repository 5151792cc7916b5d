package se.fyren.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Offers in this node's memory, for embedded mode.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "memory", matchIfMissing = true)
class InMemoryOffers implements Offers {

	private final Map<String, PendingOffer> offers = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> declined = new ConcurrentHashMap<>();

	@Override
	public boolean place(PendingOffer offer) {
		return this.offers.putIfAbsent(offer.chatId(), offer) == null;
	}

	@Override
	public Optional<PendingOffer> find(String chatId) {
		return Optional.ofNullable(this.offers.get(chatId));
	}

	@Override
	public boolean withdraw(String chatId, String username) {
		PendingOffer offer = this.offers.get(chatId);
		return offer != null && offer.username().equals(username) && this.offers.remove(chatId, offer);
	}

	@Override
	public List<PendingOffer> all() {
		return List.copyOf(this.offers.values());
	}

	@Override
	public void declined(String chatId, String username) {
		this.declined.computeIfAbsent(chatId, (id) -> ConcurrentHashMap.newKeySet()).add(username);
	}

	@Override
	public Set<String> declinedBy(String chatId) {
		return Set.copyOf(this.declined.getOrDefault(chatId, Set.of()));
	}

	@Override
	public void forget(String chatId) {
		this.offers.remove(chatId);
		this.declined.remove(chatId);
	}

}
