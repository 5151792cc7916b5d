package se.fyren.conversation;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import se.fyren.system.RedisKeys;

/**
 * The keys of chats and transcripts in Redis and how long they live: an open
 * chat as long as a visitor session may idle, an ended one for the transcript
 * retention plus one purge interval, after which Redis drops it even when no
 * node is left to purge it. A chat's keys share its id as hash tag.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisChatKeys {

	private final RedisKeys keys;

	private final Duration openTtl;

	private final Duration endedTtl;

	RedisChatKeys(RedisKeys keys, ConversationProperties conversation,
			@Value("${fyren.visitor.session-idle-timeout:12h}") Duration sessionIdleTimeout,
			@Value("${fyren.retention.purge-interval:1m}") Duration purgeInterval) {
		this.keys = keys;
		this.openTtl = sessionIdleTimeout.plus(conversation.transcriptRetention()).plus(purgeInterval);
		this.endedTtl = conversation.transcriptRetention().plus(purgeInterval);
	}

	String chat(String chatId) {
		return this.keys.tagged("chat", chatId);
	}

	String messages(String chatId) {
		return this.keys.tagged("messages", chatId);
	}

	String messageIds(String chatId) {
		return this.keys.tagged("message-ids", chatId);
	}

	String notes(String chatId) {
		return this.keys.tagged("notes", chatId);
	}

	String latestOfVisitor(String visitorId) {
		return this.keys.of("visitor-latest-chat", visitorId);
	}

	String activeOf(String counsellor) {
		return this.keys.of("counsellor-active-chats", counsellor);
	}

	String ended() {
		return this.keys.of("chats-ended");
	}

	Duration openTtl() {
		return this.openTtl;
	}

	Duration endedTtl() {
		return this.endedTtl;
	}

}
