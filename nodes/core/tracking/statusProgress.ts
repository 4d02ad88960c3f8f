import type { SmsStatus } from '../status/SmsStatus';

/**
 * How far along a status is. A message only moves forward: a poll that answers an older status
 * than a delivery report already gave (or the reverse) is stale, not a change.
 */
const PROGRESS: Record<SmsStatus, number> = {
	unknown: 0,
	scheduled: 1,
	queued: 2,
	sent: 3,
	delivered: 4,
	undelivered: 4,
	expired: 4,
	rejected: 4,
	failed: 4,
};

export function isProgress(from: SmsStatus, to: SmsStatus): boolean {
	return PROGRESS[to] > PROGRESS[from];
}
