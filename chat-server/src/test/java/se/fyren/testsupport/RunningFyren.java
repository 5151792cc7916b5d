package se.fyren.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.conversation.Conversations;
import se.fyren.conversation.Party;
import se.fyren.staff.StaffDirectory;
import se.fyren.staff.StaffProperties.Account;

/**
 * Base of the tests that talk to a whole Fyren on a random port, with
 * {@link FyrenClients} pointed at it. A subclass may declare its own
 * {@code @SpringBootTest} to add properties.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningFyren {

	@LocalServerPort
	protected int port;

	protected FyrenClients clients;

	@Autowired
	private ChatStore chatStore;

	@Autowired
	private Conversations conversations;

	@Autowired
	private StaffDirectory staff;

	@BeforeEach
	void pointClientsAtTheServer() {
		this.clients = new FyrenClients(this.port);
	}

	/**
	 * Ends the chats any counsellor still holds once a test is over (after the
	 * test's own {@code @AfterEach}, which closes its clients first): the
	 * application is shared with later tests, and max-chats is a hard limit.
	 * Waiting chats are left alone: they hold no counsellor's place.
	 */
	@AfterEach
	void endChatsLeftOpen() {
		endChatsOf(this.staff.all().stream().map(Account::username).toArray(String[]::new));
	}

	/**
	 * Ends the chats these counsellors still hold, so that their places
	 * (max-chats) are free again; after each test that happens for everyone.
	 */
	protected void endChatsOf(String... counsellors) {
		for (String counsellor : counsellors) {
			for (Chat chat : this.chatStore.activeOf(counsellor)) {
				this.conversations.end(chat.id(), Party.COUNSELLOR);
			}
		}
	}

}
