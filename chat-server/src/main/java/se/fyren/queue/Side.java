package se.fyren.queue;

/**
 * The separated groups a queue belongs to. People who are exploited (or sell
 * or exchange sex) and people who buy sex are served by different counsellors
 * and never share a queue; {@link Separation} enforces it.
 */
public enum Side {

	/** People who sell or exchange sex, or are exploited. */
	EXPLOITED,
	/** People who buy sex, or fear they will. */
	BUYERS,
	/** Everyone else: relatives, professionals, general youth lines. Never mixed with the two above either. */
	GENERAL

}
