package se.fyren.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.fyren.testsupport.FyrenClients.Visitor;
import se.fyren.testsupport.StompParticipant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.fyren.testsupport.FyrenClients.json;

/**
 * Automatic offers, accepting, declining, timeouts, picking by hand, capacity
 * and the separation of groups, over real WebSockets.
 */
class RoutingFlowTests extends RoutingScenario {

	@Test
	void aWaitingChatIsOfferedAndStartsWhenAccepted() {
		try (StompParticipant anna = onDuty("anna"); Visitor visitor = joined("sells-sex", "language", "sv")) {
			Map<String, Object> offer = anna.awaitEvent("offer");
			assertThat(offer).containsEntry("queue", "sells-sex")
				.containsEntry("language", "sv")
				.containsEntry("urgent", false)
				.containsEntry("expiresAt", "2026-03-02T09:00:30Z");
			String chatId = accept(anna, visitor);
			assertThat(visitor.stomp().awaitEvent("chat-started")).containsEntry("counsellor", "Anna");
			anna.send("/app/counsellor/accept", json("chatId", chatId));
			assertThat(anna.awaitError(1)).isEqualTo("OFFER_GONE");
		}
	}

	@Test
	void anOfferThatTimesOutGoesToTheNextCounsellor() {
		try (StompParticipant anna = onDuty("anna"); StompParticipant dragan = onDuty("dragan");
				Visitor visitor = joined("relatives")) {
			// Neither has had a chat: the tie goes by name, so Anna first.
			String chatId = offeredChat(anna);
			this.clock.advance(Duration.ofSeconds(29));
			this.router.expireOffers();
			assertThat(dragan.events("offer")).isEmpty();

			this.clock.advance(Duration.ofSeconds(2));
			this.router.expireOffers();
			assertThat(anna.awaitEvent("offer-withdrawn")).containsEntry("chatId", chatId).containsEntry("reason", "TIMEOUT");
			assertThat(offeredChat(dragan)).isEqualTo(chatId);
			anna.send("/app/counsellor/accept", json("chatId", chatId));
			assertThat(anna.awaitError(1)).isEqualTo("OFFER_GONE");
			accept(dragan, visitor);
		}
	}

	@Test
	void aDeclinedOfferGoesToTheNextCounsellorAndNotBack() {
		try (StompParticipant anna = onDuty("anna"); StompParticipant dragan = onDuty("dragan");
				Visitor visitor = joined("sells-sex")) {
			String chatId = offeredChat(anna);
			anna.send("/app/counsellor/decline", json("chatId", chatId));
			assertThat(anna.awaitEvent("offer-withdrawn")).containsEntry("reason", "DECLINED");
			assertThat(offeredChat(dragan)).isEqualTo(chatId);
			dragan.send("/app/counsellor/decline", json("chatId", chatId));
			dragan.awaitEvent("offer-withdrawn");
			assertThat(anna.events("offer")).hasSize(1);
			// Nobody left to offer it to: it waits, and can still be picked by hand.
			anna.send("/app/counsellor/take", json("queue", "sells-sex", "chatId", chatId));
			visitor.stomp().awaitEvent("chat-started");
		}
	}

	@Test
	void theCounsellorWhoWaitedLongestSinceTheirLastChatGetsTheOffer() {
		try (StompParticipant anna = onDuty("anna"); StompParticipant dragan = onDuty("dragan");
				Visitor first = joined("sells-sex")) {
			accept(anna, first);
			first.stomp().send("/app/visitor/end", json());
			anna.awaitEvent("ended");
			this.clock.advance(Duration.ofMinutes(1));
			try (Visitor second = joined("sells-sex")) {
				// Both are free; Dragan has never had a chat, Anna had one a minute ago.
				accept(dragan, second);
				assertThat(anna.events("offer")).hasSize(1);
			}
		}
	}

	@Test
	void aCounsellorIsOfferedNoMoreThanTheirMaximumAndCannotPickMoreByHand() {
		try (StompParticipant anna = onDuty("anna"); Visitor first = joined("youth"); Visitor second = joined("youth");
				Visitor third = joined("youth")) {
			// Anna holds at most two: two offers, the third waits.
			await().until(() -> anna.events("offer").size() == 2);
			String secondChat = (String) anna.events("offer").get(1).get("chatId");
			assertThat(lastPosition(third)).containsEntry("position", 3);

			anna.send("/app/counsellor/take", json("queue", "youth", "chatId", secondChat));
			second.stomp().awaitEvent("chat-started", (e) -> secondChat.equals(e.get("chatId")));
			accept(anna, first);
			assertThat(third.stomp().events("chat-started")).isEmpty();

			// Full: no third offer, and no third chat by hand either.
			this.router.expireOffers();
			assertThat(anna.events("offer")).hasSize(2);
			anna.send("/app/counsellor/take", json("queue", "youth"));
			assertThat(anna.awaitError(1)).isEqualTo("AT_CAPACITY");
			String thirdChat = chatIdOf(third);
			anna.send("/app/counsellor/take", json("queue", "youth", "chatId", thirdChat));
			assertThat(anna.awaitError(2)).isEqualTo("AT_CAPACITY");
			assertThat(third.stomp().events("chat-started")).isEmpty();
			assertThat(anna.events("chat-assigned")).hasSize(2);
		}
	}

	@Test
	void pickingByHandGivesUpTheCounsellorsOwnOfferToMakeRoom() {
		try (StompParticipant anna = onDuty("anna"); Visitor first = joined("youth"); Visitor second = joined("youth")) {
			await().until(() -> anna.events("offer").size() == 2);
			String secondChat = (String) anna.events("offer").get(1).get("chatId");
			accept(anna, first);
			try (Visitor third = joined("youth")) {
				// One chat and one open offer fill her two places; picking the third instead gives up the offer.
				anna.send("/app/counsellor/take", json("queue", "youth", "chatId", chatIdOf(third)));
				third.stomp().awaitEvent("chat-started");
				// The first offer's own withdrawal (taken) may come first: look for the second's.
				assertThat(anna.awaitEvent("offer-withdrawn", (e) -> secondChat.equals(e.get("chatId"))))
					.containsEntry("reason", "UNAVAILABLE");
				anna.send("/app/counsellor/accept", json("chatId", secondChat));
				assertThat(anna.awaitError(1)).isEqualTo("OFFER_GONE");
				assertThat(second.stomp().events("chat-started")).isEmpty();
				try (StompParticipant cecilia = onDuty("cecilia")) {
					assertThat(offeredChat(cecilia)).isEqualTo(secondChat);
				}
			}
		}
	}

	@Test
	void aPickByHandThatSomeoneElseWinsLeavesTheCounsellorsOfferAsItWas() {
		try (StompParticipant anna = onDuty("anna"); Visitor first = joined("youth"); Visitor second = joined("youth")) {
			await().until(() -> anna.events("offer").size() == 2);
			String secondChat = (String) anna.events("offer").get(1).get("chatId");
			accept(anna, first);
			try (Visitor third = joined("youth")) {
				String thirdChat = chatIdOf(third);
				// Another node is taking the third chat: out of the line, not yet marked as its counsellor's.
				assertThat(this.waiting.remove("youth", thirdChat)).isTrue();
				anna.send("/app/counsellor/take", json("queue", "youth", "chatId", thirdChat));
				assertThat(anna.awaitError(1)).isEqualTo("NOT_WAITING");
				// The offer she would have given up for it is still hers.
				acceptOffer(anna, secondChat);
				assertThat(anna.events("offer-withdrawn")).noneMatch((e) -> secondChat.equals(e.get("chatId")));
				second.stomp().awaitEvent("chat-started", (e) -> secondChat.equals(e.get("chatId")));
			}
		}
	}

	@Test
	void aPickByHandThatFindsNoRoomLeavesTheCounsellorsOfferAsItWas() {
		try (StompParticipant anna = onDuty("anna"); Visitor first = joined("youth"); Visitor second = joined("youth")) {
			await().until(() -> anna.events("offer").size() == 2);
			String secondChat = (String) anna.events("offer").get(1).get("chatId");
			accept(anna, first);
			// A move of the offered chat to her is under way elsewhere: giving up the offer frees no place.
			assertThat(this.capacity.reserve("anna", secondChat, 2, this.clock.instant())).isTrue();
			try (Visitor third = joined("youth")) {
				anna.send("/app/counsellor/take", json("queue", "youth", "chatId", chatIdOf(third)));
				assertThat(anna.awaitError(1)).isEqualTo("AT_CAPACITY");
				this.capacity.release("anna", secondChat);
				acceptOffer(anna, secondChat);
				assertThat(anna.events("offer-withdrawn")).noneMatch((e) -> secondChat.equals(e.get("chatId")));
				assertThat(third.stomp().events("chat-started")).isEmpty();
			}
		}
	}

	@Test
	void aTransferNeverFillsAColleaguePastTheirMaximum() {
		try (StompParticipant anna = onDuty("anna"); Visitor first = joined("sells-sex"); Visitor second = joined("sells-sex")) {
			List<String> annas = offeredChats(anna, 2);
			annas.forEach((chatId) -> acceptOffer(anna, chatId));
			try (StompParticipant dragan = onDuty("dragan"); Visitor third = joined("sells-sex");
					Visitor fourth = joined("sells-sex"); Visitor fifth = joined("sells-sex")) {
				// Dragan holds three: two chats and an open offer fill him.
				List<String> dragans = offeredChats(dragan, 3);
				acceptOffer(dragan, dragans.get(0));
				acceptOffer(dragan, dragans.get(1));
				anna.send("/app/counsellor/transfer", json("chatId", annas.get(0), "toCounsellor", "dragan"));
				assertThat(anna.awaitError(1)).isEqualTo("AT_CAPACITY");
				assertThat(first.stomp().events("transferred")).isEmpty();

				// Declining frees his place: now the transfer goes through, and he is full again.
				dragan.send("/app/counsellor/decline", json("chatId", dragans.get(2)));
				dragan.awaitEvent("offer-withdrawn");
				anna.send("/app/counsellor/transfer", json("chatId", annas.get(0), "toCounsellor", "dragan"));
				dragan.awaitEvent("chat-assigned", (e) -> annas.get(0).equals(e.get("chatId")));
				anna.send("/app/counsellor/transfer", json("chatId", annas.get(1), "toCounsellor", "dragan"));
				assertThat(anna.awaitError(2)).isEqualTo("AT_CAPACITY");
				// Anna has a place again, so the chat Dragan declined comes to her.
				assertThat(anna.awaitEvent("offer", (e) -> dragans.get(2).equals(e.get("chatId")))).isNotNull();
			}
		}
	}

	@Test
	void aChatOfOneSeparatedGroupNeverReachesACounsellorOfTheOther() {
		try (StompParticipant anna = onDuty("anna"); StompParticipant bo = onDuty("bo");
				Visitor buyer = joined("buys-sex"); Visitor seller = joined("sells-sex")) {
			String buyerChat = offeredChat(bo);
			String sellerChat = offeredChat(anna);
			assertThat(anna.events("offer")).extracting((e) -> e.get("chatId")).containsExactly(sellerChat);
			assertThat(bo.events("offer")).extracting((e) -> e.get("chatId")).containsExactly(buyerChat);

			anna.send("/app/counsellor/take", json("queue", "buys-sex", "chatId", buyerChat));
			assertThat(anna.awaitError(1)).isEqualTo("NOT_A_PARTICIPANT");
			accept(anna, seller);
			anna.send("/app/counsellor/transfer", json("chatId", sellerChat, "toQueue", "buys-sex", "note", "x"));
			assertThat(anna.awaitError(2)).isEqualTo("SEPARATED_GROUPS");
			anna.send("/app/counsellor/transfer", json("chatId", sellerChat, "toCounsellor", "bo"));
			assertThat(anna.awaitError(3)).isEqualTo("NOT_QUALIFIED");
			assertThat(seller.stomp().events("transferred")).isEmpty();
			assertThat(buyer.stomp().events("chat-started")).isEmpty();
		}
	}

	@Test
	void languageIsHonouredWhenSomeoneOnDutySpeaksItAndOtherwiseTheVisitorIsToldWhy() {
		try (StompParticipant anna = onDuty("anna"); Visitor visitor = joined("sells-sex", "language", "ro")) {
			// Anna speaks Swedish and English; nobody on duty speaks Romanian.
			assertThat(lastPosition(visitor)).containsEntry("waitingReason", "NO_LANGUAGE_MATCH")
				.containsEntry("estimatedWaitSeconds", null);
			String chatId = chatIdOf(visitor);
			assertThat(anna.awaitEvent("queues", (e) -> waitingIn(e, "sells-sex").size() == 1))
				.satisfies((e) -> assertThat(waitingIn(e, "sells-sex").get(0)).containsEntry("chatId", chatId)
					.containsEntry("language", "ro")
					.containsEntry("waitingReason", "NO_LANGUAGE_MATCH"));
			assertThat(anna.events("offer")).isEmpty();
			try (StompParticipant dragan = onDuty("dragan")) {
				// Dragan speaks Romanian: offered to him automatically as soon as he is on duty.
				assertThat(offeredChat(dragan)).isEqualTo(chatId);
				visitor.stomp().awaitEvent("position", (e) -> e.get("waitingReason") == null);
				anna.awaitEvent("queues", (e) -> waitingIn(e, "sells-sex").size() == 1
						&& waitingIn(e, "sells-sex").get(0).get("waitingReason") == null);
				assertThat(anna.events("offer")).isEmpty();
			}
		}
	}

	@Test
	void aChatOfAnAgeBandNobodyOnDutyServesIsFlaggedToPickByHandAndOfferedOnceSomeoneWhoServesItComes() {
		try (StompParticipant cecilia = onDuty("cecilia"); Visitor first = joined("youth", "ageBand", "18-24")) {
			// Cecilia serves only under-18s.
			assertThat(lastPosition(first)).containsEntry("waitingReason", "NO_AGE_BAND_MATCH");
			String firstChat = chatIdOf(first);
			cecilia.awaitEvent("queues", (e) -> waitingIn(e, "youth").size() == 1
					&& "NO_AGE_BAND_MATCH".equals(waitingIn(e, "youth").get(0).get("waitingReason")));
			cecilia.send("/app/counsellor/take", json("queue", "youth", "chatId", firstChat));
			first.stomp().awaitEvent("chat-started");

			try (Visitor second = joined("youth", "ageBand", "18-24")) {
				assertThat(lastPosition(second)).containsEntry("waitingReason", "NO_AGE_BAND_MATCH");
				try (StompParticipant anna = onDuty("anna")) {
					assertThat(offeredChat(anna)).isEqualTo(chatIdOf(second));
					second.stomp().awaitEvent("position", (e) -> e.get("waitingReason") == null);
				}
			}
			assertThat(cecilia.events("offer")).isEmpty();
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> waitingIn(Map<String, Object> queuesEvent, String queue) {
		return ((List<Map<String, Object>>) queuesEvent.get("queues")).stream()
			.filter((view) -> queue.equals(view.get("queue")))
			.findFirst()
			.map((view) -> (List<Map<String, Object>>) view.get("waiting"))
			.orElse(List.of());
	}

	@Test
	void withNobodyOnDutyTheVisitorIsToldAndGetsNoEstimate() {
		try (Visitor visitor = joined("relatives")) {
			assertThat(lastPosition(visitor)).containsEntry("position", 1)
				.containsEntry("waitingReason", "NO_COUNSELLOR_ON_DUTY")
				.containsEntry("estimatedWaitSeconds", null);
			try (StompParticipant anna = onDuty("anna")) {
				// Offered at once: no wait beyond the offer.
				visitor.stomp().awaitEvent("position", (e) -> Integer.valueOf(0).equals(e.get("estimatedWaitSeconds")));
			}
		}
	}

	@Test
	void theEstimateGrowsWithThePlaceInLineFromRecentHandlingTimes() {
		try (StompParticipant cecilia = onDuty("cecilia"); Visitor first = joined("youth"); Visitor second = joined("youth")) {
			// Cecilia holds two chats; the third and fourth wait a round: 20 minutes by default over 2 places.
			try (Visitor third = joined("youth"); Visitor fourth = joined("youth")) {
				assertThat(lastPosition(third)).containsEntry("position", 3).containsEntry("estimatedWaitSeconds", 600);
				assertThat(lastPosition(fourth)).containsEntry("position", 4).containsEntry("estimatedWaitSeconds", 1200);
				String chatId = accept(cecilia, first);
				this.clock.advance(Duration.ofMinutes(4));
				cecilia.send("/app/counsellor/end", json("chatId", chatId));
				// One real chat of 4 minutes now. The second and third are offered to Cecilia; the
				// fourth waits one round of 4 minutes over her 2 places.
				fourth.stomp().awaitEvent("position", (e) -> Integer.valueOf(120).equals(e.get("estimatedWaitSeconds")));
				assertThat(lastPosition(fourth)).containsEntry("position", 3);
			}
		}
	}

}
