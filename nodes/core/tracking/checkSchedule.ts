import type { TrackingLimits } from './trackingLimits';

/** When the network stops trying, and when tracking stops waiting, for a message started at `startAt`. */
export function trackingDeadlines(
	startAt: number,
	validityMinutes: number | undefined,
	limits: TrackingLimits,
): { expiresAt: number; giveUpAt: number } {
	const minutes = Math.min(validityMinutes ?? limits.defaultValidityMinutes, limits.maxValidityMinutes);
	const expiresAt = startAt + minutes * 60_000;
	return { expiresAt, giveUpAt: expiresAt + limits.giveUpMarginMs };
}

/**
 * The next check after `checksMade` checks: the back-off's next wait, but never past the moment
 * the validity ends (so expiry is seen promptly) nor past the give-up time (so the last check is
 * made before giving up).
 */
export function nextCheckAt(
	now: number,
	checksMade: number,
	deadlines: { expiresAt: number; giveUpAt: number },
	limits: TrackingLimits,
): number {
	const intervals = limits.checkIntervalsMs;
	let next = now + intervals[Math.min(checksMade, intervals.length - 1)];
	if (now < deadlines.expiresAt && next > deadlines.expiresAt) next = deadlines.expiresAt;
	return Math.min(next, deadlines.giveUpAt);
}
