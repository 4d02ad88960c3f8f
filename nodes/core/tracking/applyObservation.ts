import { nextCheckAt } from './checkSchedule';
import { reportedMessage } from './newTrackedMessage';
import { isProgress } from './statusProgress';
import type { GiveUpReason, Observation, StatusChange, TrackedMessage } from './TrackingStore';
import type { TrackingLimits } from './trackingLimits';

/** What an observation does to a record: the record to write (if any) and the change to emit (if any). */
export interface Transition {
	next?: TrackedMessage;
	change?: Omit<StatusChange, 'message'>;
	untracked?: true;
}

/**
 * The one place that decides what a status check or report means; both stores apply it inside
 * their compare-and-set, so they agree on every rule:
 * - a status moves only forward (statusProgress.ts); anything else is stale or a repeat;
 * - a final status, or giving up, finishes the record: later observations are duplicates;
 * - a poll's check (whatever it found) moves the back-off on; a report does not;
 * - a poll after the give-up time, or the gateway not knowing the id `notKnownLimit` times in a
 *   row, ends tracking with the last known status and a reason.
 */
export function applyObservation(
	current: TrackedMessage | undefined,
	observation: Observation,
	now: number,
	limits: TrackingLimits,
): Transition {
	const outcome = observation.outcome;
	if (!current) {
		// Reports about untracked messages are recorded too, so that a repeated report is recognized.
		if (observation.source === 'poll') return { untracked: true };
		if (outcome.kind !== 'status' || outcome.status.status === 'unknown') return {};
		const first = applyObservation(reportedMessage(observation, now, limits), observation, now, limits);
		if (first.change) first.change.previousStatus = undefined;
		return first;
	}
	if (current.finishedAt !== undefined) return {};

	const next: TrackedMessage = { ...current, updatedAt: now, version: current.version + 1 };
	let change: Transition['change'];
	if (outcome.kind === 'status' && isProgress(current.status, outcome.status.status)) {
		const { status, final, raw } = outcome.status;
		Object.assign(next, { status, gatewayStatus: raw, changedAt: now });
		if (final) finish(next, now);
		change = { previousStatus: current.status, status, final, gatewayStatus: raw, changedAt: now };
	} else if (observation.source === 'report') {
		return {};
	}

	if (observation.source === 'poll' && next.finishedAt === undefined) {
		next.checks += 1;
		next.notKnownChecks = outcome.kind === 'not_known' ? next.notKnownChecks + 1 : outcome.kind === 'status' ? 0 : next.notKnownChecks;
		const reason: GiveUpReason | undefined =
			next.notKnownChecks >= limits.notKnownLimit ? 'unknown_to_gateway' : now >= next.giveUpAt ? 'validity_passed' : undefined;
		if (reason) {
			finish(next, now);
			next.giveUpReason = reason;
			// A status change seen in this same check is emitted as the give-up, so the message ends with one event.
			change = { previousStatus: current.status, status: next.status, final: true, gatewayStatus: next.gatewayStatus, changedAt: now, giveUpReason: reason };
		} else {
			next.nextCheckAt = nextCheckAt(now, next.checks, next, limits);
		}
	}
	return { next, change };
}

function finish(record: TrackedMessage, now: number): void {
	record.finishedAt = now;
	record.nextCheckAt = undefined;
}
