package se.fyren.system;

/**
 * Names Redis keys under the configured prefix. Parts given as a hash tag are
 * wrapped in braces, so that keys an operation must touch together land in
 * the same Redis Cluster slot.
 *
 * @param prefix the key prefix, for example {@code fyren:}
 */
public record RedisKeys(String prefix) {

	/** {@code prefix + kind + ":" + id}. */
	public String of(String kind, String id) {
		return this.prefix + kind + ":" + id;
	}

	/** {@code prefix + kind}, for keys that exist once. */
	public String of(String kind) {
		return this.prefix + kind;
	}

	/** {@code prefix + kind + ":{" + tag + "}"}: keys with the same tag share a cluster slot. */
	public String tagged(String kind, String tag) {
		return this.prefix + kind + ":{" + tag + "}";
	}

}
