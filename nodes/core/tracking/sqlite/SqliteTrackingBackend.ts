import { isPolled, type TrackingBackend } from '../TrackingBackend';
import type { TrackedMessage, TrackingScope } from '../TrackingStore';
import { SqliteFile } from './SqliteFile';

const SCHEMA_VERSION = 1;

// One row per message. `record` holds the whole record as JSON; the other columns are the keys
// and the indexes' copies of its fields, written together with it.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS tracked_messages (
	gateway TEXT NOT NULL,
	message_id TEXT NOT NULL,
	credential_id TEXT NOT NULL,
	polled INTEGER NOT NULL,
	next_check_at INTEGER,
	updated_at INTEGER NOT NULL,
	version INTEGER NOT NULL,
	record TEXT NOT NULL,
	PRIMARY KEY (gateway, message_id)
) STRICT;
CREATE INDEX IF NOT EXISTS tracked_due ON tracked_messages (gateway, credential_id, next_check_at, message_id) WHERE polled = 1;
CREATE INDEX IF NOT EXISTS tracked_retained ON tracked_messages (updated_at) WHERE polled = 0;
PRAGMA user_version = ${SCHEMA_VERSION};
`;

/**
 * The built-in backend: one SQLite file in WAL mode, shared by every execution of this n8n and by
 * any other process on the machine that opens the same file. Writes are single statements or
 * IMMEDIATE transactions (taking the write lock up front, so two processes never both read then
 * both write); a process that finds the file locked waits up to 10 s (SqliteFile).
 * synchronous=NORMAL: in WAL mode every commit survives a crash or restart of n8n; a power cut can
 * lose the last commits before a checkpoint (https://www.sqlite.org/pragma.html#pragma_synchronous).
 */
export class SqliteTrackingBackend implements TrackingBackend {
	private readonly sqlite: SqliteFile;

	constructor(readonly file: string) {
		this.sqlite = new SqliteFile(file, { what: 'tracking', schema: SCHEMA, schemaVersion: SCHEMA_VERSION });
	}

	async insert(records: readonly TrackedMessage[], maxActive: number) {
		return this.sqlite.transaction(() => {
			let active = this.countPolled();
			return records.map((record) => {
				if (this.read(record.gateway, record.messageId)) return 'already_tracked' as const;
				if (isPolled(record) && active >= maxActive) return 'store_full' as const;
				this.write(record);
				if (isPolled(record)) active += 1;
				return 'tracked' as const;
			});
		});
	}

	async get(gateway: string, messageId: string) {
		return this.read(gateway, messageId);
	}

	async compareAndSet(current: TrackedMessage | undefined, next: TrackedMessage) {
		if (current === undefined) return this.write(next, 'INSERT OR IGNORE');
		const result = this.sqlite.statement(
			`UPDATE tracked_messages SET credential_id = ?, polled = ?, next_check_at = ?, updated_at = ?, version = ?, record = ?
			 WHERE gateway = ? AND message_id = ? AND version = ?`,
		).run(...columns(next).slice(2), next.gateway, next.messageId, current.version);
		return Number(result.changes) === 1;
	}

	async claimDue(scope: TrackingScope, now: number, limit: number, leaseUntil: number) {
		return this.sqlite.transaction(() => {
			const rows = this.sqlite.statement(
				`SELECT record FROM tracked_messages WHERE polled = 1 AND gateway = ? AND credential_id = ? AND next_check_at <= ?
				 ORDER BY next_check_at, message_id LIMIT ?`,
			).all(scope.gateway, scope.credentialId, now, limit);
			return rows.map((row) => {
				const record = JSON.parse(String(row.record)) as TrackedMessage;
				const leased = { ...record, nextCheckAt: leaseUntil, version: record.version + 1 };
				this.write(leased, 'REPLACE');
				return leased;
			});
		});
	}

	async purge(olderThan: number, maxRetained: number) {
		return this.sqlite.transaction(() => {
			let removed = Number(this.sqlite.statement('DELETE FROM tracked_messages WHERE polled = 0 AND updated_at < ?').run(olderThan).changes);
			const retained = Number(this.sqlite.statement('SELECT count(*) AS n FROM tracked_messages WHERE polled = 0').get()?.n ?? 0);
			if (retained > maxRetained) {
				removed += Number(
					this.sqlite.statement(
						`DELETE FROM tracked_messages WHERE (gateway, message_id) IN
						 (SELECT gateway, message_id FROM tracked_messages WHERE polled = 0 ORDER BY updated_at LIMIT ?)`,
					).run(retained - maxRetained).changes,
				);
			}
			return removed;
		});
	}

	async stats() {
		const row = this.sqlite.statement('SELECT sum(polled) AS active, sum(1 - polled) AS retained FROM tracked_messages').get();
		return { active: Number(row?.active ?? 0), retained: Number(row?.retained ?? 0) };
	}

	async reset(scope?: TrackingScope) {
		if (scope) this.sqlite.statement('DELETE FROM tracked_messages WHERE polled = 1 AND gateway = ? AND credential_id = ?').run(scope.gateway, scope.credentialId);
		else this.sqlite.statement('DELETE FROM tracked_messages').run();
	}

	async close() {
		this.sqlite.close();
	}

	private countPolled(): number {
		return Number(this.sqlite.statement('SELECT count(*) AS n FROM tracked_messages WHERE polled = 1').get()?.n ?? 0);
	}

	private read(gateway: string, messageId: string): TrackedMessage | undefined {
		const row = this.sqlite.statement('SELECT record FROM tracked_messages WHERE gateway = ? AND message_id = ?').get(gateway, messageId);
		return row ? (JSON.parse(String(row.record)) as TrackedMessage) : undefined;
	}

	private write(record: TrackedMessage, verb: 'INSERT' | 'INSERT OR IGNORE' | 'REPLACE' = 'INSERT'): boolean {
		const result = this.sqlite.statement(
			`${verb} INTO tracked_messages (gateway, message_id, credential_id, polled, next_check_at, updated_at, version, record)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		).run(...columns(record));
		return Number(result.changes) === 1;
	}
}

function columns(record: TrackedMessage): [string, string, string, number, number | null, number, number, string] {
	return [
		record.gateway,
		record.messageId,
		record.credentialId,
		isPolled(record) ? 1 : 0,
		record.nextCheckAt ?? null,
		record.updatedAt,
		record.version,
		JSON.stringify(record),
	];
}
