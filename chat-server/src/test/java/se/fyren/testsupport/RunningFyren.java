package se.fyren.testsupport;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.fyren.conversation.Chat;
import se.fyren.conversation.ChatStore;
import se.fyren.conversation.Conversations;
import se.fyren.conversation.Party;

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

	@BeforeEach
	void pointClientsAtTheServer() {
		this.clients = new FyrenClients(this.port);
	}

	/**
	 * Ends the chats these counsellors still hold, so that a later test in the
	 * same application finds their places (max-chats) free.
	 */
	protected void endChatsOf(String... counsellors) {
		for (String counsellor : counsellors) {
			for (Chat chat : this.chatStore.activeOf(counsellor)) {
				this.conversations.end(chat.id(), Party.COUNSELLOR);
			}
		}
	}

}
