import { SqliteFile } from '../../tracking/sqlite/SqliteFile';
import { checkSwap, lastValueLimits, type LastValueLimits, type LastValueStore } from './LastValueStore';

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS last_values (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL,
	swapped_at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS last_values_swapped ON last_values (swapped_at);
PRAGMA user_version = ${SCHEMA_VERSION};
`;

/** What Node 20 (n8n 1.x) users get instead of a store that forgets everything on a restart. */
export const NEEDS_NODE_SQLITE =
	'needs Node.js 22.13 or later (node:sqlite), as in every n8n 2.x; choose the Redis store (n8n\'s Redis credential) on n8n 1.x';

/**
 * The built-in LastValueStore: one SQLite file (WAL, synchronous=NORMAL: every commit survives a
 * restart of n8n) that every process on the machine may open. A swap is one IMMEDIATE transaction
 * (the write lock taken before reading), so two processes never both read the old value; a
 * process that finds the file locked waits up to 10 s. Each swap first forgets keys older than the
 * age bound, and a new key beyond the count bound forgets the least recently swapped ones.
 */
export class SqliteLastValueStore implements LastValueStore {
	private readonly sqlite: SqliteFile;
	private readonly limits: LastValueLimits;

	constructor(
		readonly file: string,
		limits: Partial<LastValueLimits> = {},
	) {
		this.limits = lastValueLimits(limits);
		this.sqlite = new SqliteFile(file, { what: 'state', schema: SCHEMA, schemaVersion: SCHEMA_VERSION, refusal: `The built-in stage store ${NEEDS_NODE_SQLITE}` });
	}

	async swap(key: string, value: string): Promise<string | undefined> {
		checkSwap(key, value);
		return this.sqlite.transaction(() => {
			const now = Date.now();
			this.sqlite.statement('DELETE FROM last_values WHERE swapped_at < ?').run(now - this.limits.maxAgeMs);
			const previous = this.sqlite.statement('SELECT value FROM last_values WHERE key = ?').get(key);
			this.sqlite.statement('INSERT INTO last_values (key, value, swapped_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, swapped_at = excluded.swapped_at').run(
				key,
				value,
				now,
			);
			if (!previous) this.forgetBeyondCount(key);
			return previous ? String(previous.value) : undefined;
		});
	}

	async close(): Promise<void> {
		this.sqlite.close();
	}

	private forgetBeyondCount(keep: string): void {
		const count = Number(this.sqlite.statement('SELECT count(*) AS n FROM last_values').get()?.n ?? 0);
		const excess = count - this.limits.maxEntries;
		if (excess <= 0) return;
		this.sqlite.statement('DELETE FROM last_values WHERE key IN (SELECT key FROM last_values WHERE key <> ? ORDER BY swapped_at, rowid LIMIT ?)').run(keep, excess);
	}
}
