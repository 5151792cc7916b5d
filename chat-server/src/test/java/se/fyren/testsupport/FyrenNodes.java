package se.fyren.testsupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;

import se.fyren.FyrenApplication;
import se.fyren.system.RandomIds;

/**
 * Whole Fyren nodes in cluster mode, each its own Spring application on a
 * random port, sharing one Redis as nodes behind a load balancer do.
 * Properties are given as command-line arguments, so they win over every
 * configuration file.
 * <p>
 * Closing stops the nodes still running, then deletes their keys from the
 * shared Redis. As a field with {@code @RegisterExtension} that happens after
 * each test; a test whose own things must outlive the nodes (a Redis server, a
 * receiver) keeps it as a plain field and closes it first in its
 * {@code @AfterEach}.
 */
public final class FyrenNodes implements AutoCloseable, AfterEachCallback {

	private final RedisTestStore store;

	private final Map<String, Object> properties = new HashMap<>();

	private final List<FyrenNode> started = new ArrayList<>();

	/** Nodes on the Redis the tests share, under a key prefix of their own. */
	public FyrenNodes() {
		this(new RedisTestStore());
	}

	private FyrenNodes(RedisTestStore store) {
		this(store, store.clusterProperties());
	}

	private FyrenNodes(RedisTestStore store, Map<String, Object> clusterMode) {
		this.store = store;
		this.properties.putAll(clusterMode);
		this.properties.put("server.port", 0);
	}

	/**
	 * Nodes on a Redis the test runs itself and names with
	 * {@code spring.data.redis.*} properties through {@link #with}.
	 */
	public static FyrenNodes onOwnRedis() {
		return new FyrenNodes(null, RedisTestStore.clusterMode("fyren-test:" + RandomIds.of(6) + ":"));
	}

	/** Sets a property for the nodes started from now on. */
	public FyrenNodes with(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	/** Sets properties for the nodes started from now on. */
	public FyrenNodes with(Map<String, ?> more) {
		this.properties.putAll(more);
		return this;
	}

	/** Starts one more node and waits until it serves. */
	public FyrenNode start() {
		String[] arguments = this.properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		FyrenNode node = new FyrenNode(new SpringApplicationBuilder(FyrenApplication.class).run(arguments));
		this.started.add(node);
		return node;
	}

	/** The shared Redis under this prefix, to look at what the nodes left there. */
	public RedisTestStore store() {
		if (this.store == null) {
			throw new IllegalStateException("These nodes run on the test's own Redis");
		}
		return this.store;
	}

	@Override
	public void close() {
		this.started.forEach(FyrenNode::close);
		if (this.store != null) {
			this.store.close();
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		close();
	}

}
