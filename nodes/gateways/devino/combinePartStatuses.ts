import { FINAL_STATUS, type NormalizedStatus, type SmsStatus } from '../../core/status/SmsStatus';

/** Order of progress for parts that are still on their way; unknown (e.g. state 255, "not found yet") is least. */
const PROGRESS_RANK: Partial<Record<SmsStatus, number>> = { unknown: 0, queued: 1, scheduled: 2, sent: 3 };
const FAILURES: ReadonlySet<SmsStatus> = new Set(['undelivered', 'expired', 'rejected', 'failed']);

/**
 * The status of a message from the statuses of its parts (Devino reports each part alone):
 * - every part delivered → delivered;
 * - any part failed for good (undelivered, expired, rejected, failed) → the first such failure,
 *   because the recipient cannot read the whole message;
 * - otherwise the least advanced part (unknown < queued < scheduled < sent), because the message
 *   is only as far along as its slowest part.
 * `raw` lists the parts' own states, comma-separated, in part order.
 */
export function combinePartStatuses(parts: readonly NormalizedStatus[]): NormalizedStatus {
	if (parts.length === 1) return parts[0];
	const raw = parts.map((part) => part.raw).join(',');
	const make = (status: SmsStatus): NormalizedStatus => ({ status, final: FINAL_STATUS[status], raw });
	if (parts.length === 0) return make('unknown');
	if (parts.every((part) => part.status === 'delivered')) return make('delivered');
	const failure = parts.find((part) => FAILURES.has(part.status));
	if (failure) return make(failure.status);
	const pending = parts.filter((part) => part.status !== 'delivered');
	const slowest = pending.reduce((least, part) => ((PROGRESS_RANK[part.status] ?? 0) < (PROGRESS_RANK[least.status] ?? 0) ? part : least));
	return make(slowest.status);
}
