package se.fyren.supervision;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

import se.fyren.system.RedisKeys;

/**
 * Dashboard changes for cluster mode: a bare nudge on its own pub/sub
 * channel, which every node (this one too) takes as a cue to push fresh
 * figures to its watchers. The nudge carries nothing but the channel name;
 * the figures themselves come from the shared stores. A lost nudge costs
 * only promptness: the timed refresh still comes.
 */
@Component
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
class RedisDashboardChanges implements DashboardChanges, MessageListener {

	private static final Logger logger = LoggerFactory.getLogger(RedisDashboardChanges.class);

	private final StringRedisTemplate redis;

	private final DashboardWatchers watchers;

	private final String channel;

	RedisDashboardChanges(StringRedisTemplate redis, DashboardWatchers watchers, RedisKeys keys,
			RedisMessageListenerContainer listeners) {
		this.redis = redis;
		this.watchers = watchers;
		this.channel = keys.of("dashboard-changes");
		listeners.addMessageListener(this, new ChannelTopic(this.channel));
	}

	@Override
	public void announce() {
		try {
			this.redis.convertAndSend(this.channel, "1");
		}
		catch (DataAccessException ex) {
			// The change itself has happened; only the nudge is lost.
			logger.warn("Could not announce a dashboard change: {}", ex.getClass().getSimpleName());
			this.watchers.changed();
		}
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		this.watchers.changed();
	}

}
