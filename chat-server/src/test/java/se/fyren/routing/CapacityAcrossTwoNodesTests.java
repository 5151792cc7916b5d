package se.fyren.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.counsellor.CounsellorPresence;
import se.fyren.queue.Reception;
import se.fyren.staff.StaffDirectory;
import se.fyren.staff.StaffProperties.Account;
import se.fyren.system.FyrenException;
import se.fyren.testsupport.FyrenNode;
import se.fyren.testsupport.FyrenNodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one Redis fill one counsellor at once, by automatic offers,
 * accepting and picking by hand: she never holds more chats and offers than
 * her maximum.
 */
class CapacityAcrossTwoNodesTests {

	@RegisterExtension
	final FyrenNodes nodes = new FyrenNodes();

	@Test
	void aCounsellorFilledFromTwoNodesAtOnceNeverExceedsHerMaximum() throws InterruptedException {
		FyrenNode nodeA = this.nodes.start();
		FyrenNode nodeB = this.nodes.start();
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
			FyrenNode node = (thread % 2 == 0) ? nodeA : nodeB;
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
