/**
 * A tracking backend in a Map, for tests of what sits on top of the store (polling) under the
 * system's Node 20. It is held to the same contract as the real backends (memoryTrackingBackend.test.ts),
 * and copies records through JSON as they do, so nothing passes here that they would lose.
 */
import { isPolled, type TrackingBackend } from '../../../../../nodes/core/tracking/TrackingBackend';
import type { TrackedMessage, TrackingScope } from '../../../../../nodes/core/tracking/TrackingStore';

const copy = (record: TrackedMessage): TrackedMessage => JSON.parse(JSON.stringify(record)) as TrackedMessage;
const keyOf = (gateway: string, messageId: string) => `${gateway}\n${messageId}`;

export class MemoryTrackingBackend implements TrackingBackend {
	constructor(private readonly records = new Map<string, TrackedMessage>()) {}

	/** A second backend on the same records: another connection to the same storage. */
	sibling(): MemoryTrackingBackend {
		return new MemoryTrackingBackend(this.records);
	}

	async insert(records: readonly TrackedMessage[], maxActive: number) {
		let active = [...this.records.values()].filter(isPolled).length;
		return records.map((record) => {
			if (this.records.has(keyOf(record.gateway, record.messageId))) return 'already_tracked' as const;
			if (isPolled(record) && active >= maxActive) return 'store_full' as const;
			this.records.set(keyOf(record.gateway, record.messageId), copy(record));
			if (isPolled(record)) active += 1;
			return 'tracked' as const;
		});
	}

	async get(gateway: string, messageId: string) {
		const record = this.records.get(keyOf(gateway, messageId));
		return record && copy(record);
	}

	async compareAndSet(current: TrackedMessage | undefined, next: TrackedMessage) {
		const stored = this.records.get(keyOf(next.gateway, next.messageId));
		if (current ? stored?.version !== current.version : stored !== undefined) return false;
		this.records.set(keyOf(next.gateway, next.messageId), copy(next));
		return true;
	}

	async claimDue(scope: TrackingScope, now: number, limit: number, leaseUntil: number) {
		const due = [...this.records.values()]
			.filter((r) => isPolled(r) && r.gateway === scope.gateway && r.credentialId === scope.credentialId && (r.nextCheckAt ?? Infinity) <= now)
			.sort((a, b) => (a.nextCheckAt as number) - (b.nextCheckAt as number) || (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0))
			.slice(0, limit);
		return due.map((record) => {
			const leased = { ...record, nextCheckAt: leaseUntil, version: record.version + 1 };
			this.records.set(keyOf(record.gateway, record.messageId), copy(leased));
			return copy(leased);
		});
	}

	async purge(olderThan: number, maxRetained: number) {
		const retained = [...this.records.entries()].filter(([, r]) => !isPolled(r)).sort(([, a], [, b]) => a.updatedAt - b.updatedAt);
		const old = retained.filter(([, r]) => r.updatedAt < olderThan);
		const rest = retained.length - old.length;
		const drop = [...old, ...retained.filter(([, r]) => r.updatedAt >= olderThan).slice(0, Math.max(0, rest - maxRetained))];
		for (const [key] of drop) this.records.delete(key);
		return drop.length;
	}

	async stats() {
		const all = [...this.records.values()];
		return { active: all.filter(isPolled).length, retained: all.filter((r) => !isPolled(r)).length };
	}

	async reset(scope?: TrackingScope) {
		for (const [key, record] of this.records) {
			if (!scope || (isPolled(record) && record.gateway === scope.gateway && record.credentialId === scope.credentialId)) this.records.delete(key);
		}
	}

	async close() {}
}
