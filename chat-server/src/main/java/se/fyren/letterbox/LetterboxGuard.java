package se.fyren.letterbox;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The hook for rate limiting the public letterbox endpoints. Without a bean of
 * this type every request is allowed; a rate-limiting feature provides one
 * (for example Bucket4j buckets per client address, used transiently).
 */
public interface LetterboxGuard {

	/** Whether this request to leave a letter may proceed. */
	boolean allowPost(HttpServletRequest request);

	/** Whether this request to read an answer may proceed. */
	boolean allowRead(HttpServletRequest request);

}
