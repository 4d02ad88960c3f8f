import { applyObservation } from './applyObservation';
import { newTrackedMessage } from './newTrackedMessage';
import type { TrackingBackend } from './TrackingBackend';
import type { MessageToTrack, Observation, RecordOutcome, TrackingStore } from './TrackingStore';
import { trackingLimits, type TrackingLimits } from './trackingLimits';

/** Compare-and-set retries before giving up on one observation; each retry means another writer made progress. */
const MAX_WRITE_ATTEMPTS = 20;

/** Purges at most this often, from claimDue(), so a busy poller does not purge on every call. */
const PURGE_EVERY_MS = 60_000;

/**
 * The tracking store on a backend: the rules of applyObservation.ts applied with compare-and-set,
 * retried when a concurrent writer (another poller, a delivery-report receiver) wrote first, so
 * the change is computed again on top of what that writer stored and is returned to one of them.
 */
export function createTrackingStore(backend: TrackingBackend, overrides: Partial<TrackingLimits> = {}): TrackingStore {
	const limits = trackingLimits(overrides);
	let lastPurge = 0;
	const store: TrackingStore = {
		async track(messages: readonly MessageToTrack[], now = new Date()) {
			const records = messages.map((message) => newTrackedMessage(checkedMessage(message), now.getTime(), limits));
			return await backend.insert(records, limits.maxActive);
		},
		async claimDue(scope, limit, now = new Date()) {
			if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`claimDue: limit must be a positive integer (got ${limit})`);
			const at = now.getTime();
			if (at - lastPurge >= PURGE_EVERY_MS) {
				lastPurge = at;
				await store.purge(now);
			}
			return await backend.claimDue(scope, at, limit, at + limits.leaseMs);
		},
		async record(observation: Observation, now = new Date()): Promise<RecordOutcome> {
			for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
				const current = await backend.get(observation.gateway, observation.messageId);
				const transition = applyObservation(current, observation, now.getTime(), limits);
				if (transition.untracked) return { kind: 'untracked' };
				if (!transition.next) return { kind: 'unchanged' };
				if (await backend.compareAndSet(current, transition.next)) {
					return transition.change ? { kind: 'changed', change: { ...transition.change, message: transition.next } } : { kind: 'unchanged' };
				}
			}
			throw new Error(`Tracking store: message ${observation.messageId} changed under ${MAX_WRITE_ATTEMPTS} concurrent writes in a row; try again`);
		},
		get: (gateway, messageId) => backend.get(gateway, messageId),
		purge: (now = new Date()) => backend.purge(now.getTime() - limits.retentionMs, limits.maxRetained),
		stats: () => backend.stats(),
		reset: (scope) => backend.reset(scope),
		close: () => backend.close(),
	};
	return store;
}

/** A message a store would keep wrong is refused with the field and the reason, before anything is written. */
function checkedMessage(message: MessageToTrack): MessageToTrack {
	const problems: string[] = [];
	for (const field of ['gateway', 'credentialId', 'messageId', 'to'] as const) {
		if (typeof message[field] !== 'string' || message[field].trim() === '') problems.push(`${field} must be a non-empty string`);
	}
	if (!(message.sentAt instanceof Date) || Number.isNaN(message.sentAt.getTime())) problems.push('sentAt must be a valid date');
	if (message.scheduledAt !== undefined && (!(message.scheduledAt instanceof Date) || Number.isNaN(message.scheduledAt.getTime()))) {
		problems.push('scheduledAt must be a valid date');
	}
	if (message.validityMinutes !== undefined && !(Number.isFinite(message.validityMinutes) && message.validityMinutes > 0)) {
		problems.push('validityMinutes must be a positive number');
	}
	if (message.reference !== undefined && typeof message.reference !== 'string') problems.push('reference must be a string');
	if (problems.length) throw new TypeError(`Cannot track message ${String(message.messageId)}: ${problems.join('; ')}`);
	return message;
}
