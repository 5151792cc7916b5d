package se.fyren.transport;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import se.fyren.system.RedisKeys;
import se.fyren.system.TextEncryption;

/**
 * Delivers through Redis pub/sub, for cluster mode: every event is published
 * once, encrypted, on one channel; every node, this one included, hands it
 * to the sessions of the recipient it holds through {@link LocalDelivery}.
 * So each session gets each event exactly once, whichever node it is on.
 * <p>
 * Pub/sub is fire and forget. What must not be lost is stored before it is
 * published (messages in the chat's stream), and a client that reconnects
 * replays it from there; when the subscription had to be re-established,
 * this node closes its connections so that every client does. See
 * {@code docs/adr/0001-redis-streams-and-pubsub.md}.
 */
@Component
@Primary
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisDelivery implements Delivery, MessageListener, SubscriptionListener {

	private static final Logger logger = LoggerFactory.getLogger(RedisDelivery.class);

	private static final String CONTEXT = "delivery";

	private final StringRedisTemplate redis;

	private final LocalDelivery local;

	private final TextEncryption encryption;

	private final JsonMapper json;

	private final String channel;

	private final LocalSessions sessions;

	private final AtomicBoolean subscribedBefore = new AtomicBoolean();

	RedisDelivery(StringRedisTemplate redis, LocalDelivery local, TextEncryption encryption, JsonMapper json,
			RedisKeys keys, RedisMessageListenerContainer listeners, LocalSessions sessions) {
		this.redis = redis;
		this.local = local;
		this.encryption = encryption;
		this.json = json;
		this.sessions = sessions;
		this.channel = keys.of("events");
		listeners.addMessageListener(this, new ChannelTopic(this.channel));
	}

	@Override
	public void toVisitor(String visitorId, ClientEvent event) {
		publish(VisitorPrincipal.nameOf(visitorId), event);
	}

	@Override
	public void toStaff(String username, ClientEvent event) {
		publish(username, event);
	}

	private void publish(String userName, ClientEvent event) {
		ObjectNode envelope = this.json.createObjectNode();
		envelope.put("to", userName);
		envelope.set("event", this.json.valueToTree(event));
		this.redis.convertAndSend(this.channel, this.encryption.encrypt(this.json.writeValueAsString(envelope), CONTEXT));
	}

	/**
	 * A subscription that comes back after Redis was away may have missed
	 * events: close every local connection, so that each client reconnects
	 * and syncs from the store.
	 */
	@Override
	public void onChannelSubscribed(byte[] subscribed, long count) {
		if (this.subscribedBefore.getAndSet(true)) {
			int closed = this.sessions.closeAll(CloseStatus.SERVICE_RESTARTED);
			logger.info("Subscribed to Redis again; closed {} connections so their clients sync", closed);
		}
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		try {
			String body = new String(message.getBody(), java.nio.charset.StandardCharsets.UTF_8);
			JsonNode envelope = this.json.readTree(this.encryption.decrypt(body, CONTEXT));
			this.local.send(envelope.get("to").asString(), envelope.get("event"));
		}
		catch (RuntimeException ex) {
			logger.warn("Dropped an event from Redis that could not be read: {}", ex.getClass().getSimpleName());
		}
	}

}
