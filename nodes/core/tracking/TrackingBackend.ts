import type { TrackedMessage, TrackingScope, TrackingStats } from './TrackingStore';

/**
 * Where tracked messages are kept: a table of records keyed by (gateway, message id) with
 * compare-and-set writes, a due index of polled messages and a retention index of the rest. It
 * knows no tracking rules (those are in applyObservation.ts, shared by every backend); it only
 * keeps records and makes each write atomic.
 *
 * A record is polled while `origin` is 'sent' and it has no `finishedAt`: it is in the due index
 * by `nextCheckAt`. Otherwise it is retained, ordered by `updatedAt`.
 */
export interface TrackingBackend {
	/** Adds records that are absent, refusing polled ones beyond `maxActive`; one outcome per record. */
	insert(records: readonly TrackedMessage[], maxActive: number): Promise<Array<'tracked' | 'already_tracked' | 'store_full'>>;
	get(gateway: string, messageId: string): Promise<TrackedMessage | undefined>;
	/**
	 * Writes `next` only if the stored record is still `current` (same version), or, when `current`
	 * is undefined, only if there is no record yet. False when another writer came first.
	 */
	compareAndSet(current: TrackedMessage | undefined, next: TrackedMessage): Promise<boolean>;
	/** Atomically takes up to `limit` due polled records of the scope and moves their next check to `leaseUntil`. */
	claimDue(scope: TrackingScope, now: number, limit: number, leaseUntil: number): Promise<TrackedMessage[]>;
	/** Drops retained records last updated before `olderThan`, then the oldest beyond `maxRetained`. */
	purge(olderThan: number, maxRetained: number): Promise<number>;
	stats(): Promise<TrackingStats>;
	reset(scope?: TrackingScope): Promise<void>;
	close(): Promise<void>;
}

export function isPolled(record: TrackedMessage): boolean {
	return record.origin === 'sent' && record.finishedAt === undefined;
}
