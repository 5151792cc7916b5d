package se.fyren.ratelimit;

import io.github.bucket4j.BucketConfiguration;

/**
 * Where the token buckets live: this node's memory in embedded mode, Redis in
 * cluster mode.
 */
interface RateLimitBuckets {

	/** Takes one token from the bucket of the key, if there is one. */
	Decision tryConsume(String key, BucketConfiguration configuration);

	/** Whether a token is there, without taking it. */
	Decision peek(String key, BucketConfiguration configuration);

}
