package se.fyren.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.fyren.FyrenApplication;
import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.counsellor.CounsellorPresence;
import se.fyren.queue.Reception;
import se.fyren.staff.StaffDirectory;
import se.fyren.staff.StaffProperties.Account;
import se.fyren.system.FyrenException;
import se.fyren.testsupport.RedisTestStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one Redis fill one counsellor at once, by automatic offers,
 * accepting and picking by hand: she never holds more chats and offers than
 * her maximum.
 */
class CapacityAcrossTwoNodesTests {

	private final RedisTestStore store = new RedisTestStore();

	private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	@AfterEach
	void stopNodes() {
		this.nodes.forEach(ConfigurableApplicationContext::close);
		this.store.close();
	}

	private ConfigurableApplicationContext startNode() {
		Map<String, Object> properties = new HashMap<>(this.store.clusterProperties());
		properties.put("server.port", 0);
		String[] arguments = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext node = new SpringApplicationBuilder(FyrenApplication.class).run(arguments);
		this.nodes.add(node);
		return node;
	}

	@Test
	void aCounsellorFilledFromTwoNodesAtOnceNeverExceedsHerMaximum() throws InterruptedException {
		ConfigurableApplicationContext nodeA = startNode();
		ConfigurableApplicationContext nodeB = startNode();
		Account anna = nodeA.getBean(StaffDirectory.class).find("anna").orElseThrow();
		assertThat(anna.maxChats()).isEqualTo(2);
		List<String> joined = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			joined.add(nodeA.getBean(Reception.class).join("visitor-" + i, "youth", null, null).id());
		}
		nodeA.getBean(CounsellorPresence.class).setOnDuty("anna", true);

		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		for (int thread = 0; thread < 8; thread++) {
			ConfigurableApplicationContext node = (thread % 2 == 0) ? nodeA : nodeB;
			boolean picksByHand = thread % 4 < 2;
			pool.submit(() -> {
				start.await();
				for (int round = 0; round < 10; round++) {
					try {
						if (picksByHand) {
							node.getBean(Assignments.class).take(anna, "youth", null);
						}
						else {
							node.getBean(Router.class).route();
							for (PendingOffer offer : node.getBean(Offers.class).all()) {
								node.getBean(Assignments.class).accept(anna, offer.chatId());
							}
						}
					}
					catch (FyrenException refused) {
						// AT_CAPACITY, OFFER_GONE: the other node was first.
					}
				}
				return null;
			});
		}
		start.countDown();
		pool.shutdown();
		assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

		ChatStore chats = nodeB.getBean(ChatStore.class);
		long hers = joined.stream()
			.map((id) -> chats.find(id).orElseThrow())
			.filter((chat) -> chat.status() == Chat.Status.ACTIVE && "anna".equals(chat.counsellor()))
			.count();
		long offered = nodeB.getBean(Offers.class).all().stream().filter((offer) -> offer.username().equals("anna")).count();
		assertThat(hers).isEqualTo(2);
		assertThat(hers + offered).isLessThanOrEqualTo(2);
		assertThat(nodeB.getBean(ChatCapacity.class).held("anna")).hasSize(2);
	}

}
