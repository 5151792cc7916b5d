package se.fyren.transport;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.support.ExecutorSubscribableChannel;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import se.fyren.testsupport.RunningFyren;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames from clients and frames to them are handled on a pool of threads,
 * so one slow store call holds up one frame, not the node.
 */
class ChannelThreadsTests extends RunningFyren {

	@Autowired
	@Qualifier("clientInboundChannel")
	ExecutorSubscribableChannel inbound;

	@Autowired
	@Qualifier("clientOutboundChannel")
	ExecutorSubscribableChannel outbound;

	@Test
	void clientChannelsRunOnAPoolOfThreadsOfTheirOwn() {
		for (ExecutorSubscribableChannel channel : List.of(this.inbound, this.outbound)) {
			assertThat(channel.getExecutor()).isInstanceOf(ThreadPoolTaskExecutor.class);
			ThreadPoolTaskExecutor executor = (ThreadPoolTaskExecutor) channel.getExecutor();
			assertThat(executor.getCorePoolSize()).as("threads of %s", channel.getBeanName()).isGreaterThan(1);
			assertThat(executor.getThreadNamePrefix()).doesNotStartWith("fyren-redis-events");
		}
	}

}
