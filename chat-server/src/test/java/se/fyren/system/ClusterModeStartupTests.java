package se.fyren.system;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import se.fyren.FyrenApplication;

import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Cluster mode never writes a conversation to Redis unencrypted: without a
 * key it does not start.
 */
class ClusterModeStartupTests {

	@Test
	void clusterModeRefusesToStartWithoutAnEncryptionKey() {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(FyrenApplication.class)
				.run("--fyren.store=redis", "--server.port=0", "--fyren.redis.key-prefix=fyren-test:nokey:"))
			.withStackTraceContaining("needs fyren.encryption.keys");
	}

}
