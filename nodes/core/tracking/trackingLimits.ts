/**
 * The numbers that bound delivery tracking. Every store enforces the same ones, so the README's
 * promises (how often a gateway is asked, how long a message is followed, how big the store grows)
 * hold whichever store is configured.
 */
export interface TrackingLimits {
	/** Messages still followed; a send beyond this is not tracked (its outcome says store_full). */
	maxActive: number;
	/** Finished and reported-only records kept to recognize late duplicates; the oldest go first. */
	maxRetained: number;
	/** How long a finished record is kept. */
	retentionMs: number;
	/** How long claimDue() hides a claimed message from other pollers; a crashed poll's messages come back after it. */
	leaseMs: number;
	/** Waits between checks of one message: the first after the send, then one per check made; the last repeats. */
	checkIntervalsMs: readonly number[];
	/** Validity assumed when the send named none. */
	defaultValidityMinutes: number;
	/** A longer validity is followed only this long. */
	maxValidityMinutes: number;
	/** Checks continue this long after the validity ends, for late reports; then the message is given up. */
	giveUpMarginMs: number;
	/** Checks in a row in which the gateway does not know the id before the message is given up. */
	notKnownLimit: number;
}

const MINUTE = 60_000;

export const DEFAULT_TRACKING_LIMITS: TrackingLimits = {
	maxActive: 100_000,
	maxRetained: 100_000,
	retentionMs: 3 * 24 * 60 * MINUTE,
	leaseMs: 2 * MINUTE,
	// Most messages are delivered within a minute or two; the rest are asked about ever less often.
	checkIntervalsMs: [1, 1, 2, 3, 5, 10, 15, 30, 60].map((minutes) => minutes * MINUTE),
	// 48 h: the longest validity our gateways accept (SMS-assistent) and the age after which
	// Devino's /sms/state no longer finds a message.
	defaultValidityMinutes: 48 * 60,
	maxValidityMinutes: 7 * 24 * 60,
	giveUpMarginMs: 60 * MINUTE,
	// Checks at 1, 2, 4, 7 and 12 minutes: long enough for a gateway that registers a message late.
	notKnownLimit: 5,
};

/** The limits with the given ones laid over the defaults, each checked to be a positive number. */
export function trackingLimits(overrides: Partial<TrackingLimits> = {}): TrackingLimits {
	const limits = { ...DEFAULT_TRACKING_LIMITS, ...overrides };
	for (const [name, value] of Object.entries(limits)) {
		const values = Array.isArray(value) ? value : [value];
		if (values.length === 0 || values.some((entry) => typeof entry !== 'number' || !Number.isFinite(entry) || entry <= 0)) {
			throw new RangeError(`Tracking limit ${name} must be a positive number (got ${JSON.stringify(value)})`);
		}
	}
	return limits;
}
