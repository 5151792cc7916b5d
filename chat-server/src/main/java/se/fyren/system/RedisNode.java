package se.fyren.system;

/**
 * This node among the nodes that share Redis.
 *
 * @param id random, new at every start
 */
public record RedisNode(String id) {
}
