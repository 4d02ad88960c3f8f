import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openSqliteDatabase, type SqliteDatabase, type SqliteStatement } from '../../tracking/sqlite/nodeSqlite';
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

const BUSY_TIMEOUT_MS = 10_000;

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
	private readonly db: SqliteDatabase;
	private readonly limits: LastValueLimits;
	private readonly statements = new Map<string, SqliteStatement>();

	constructor(
		readonly file: string,
		limits: Partial<LastValueLimits> = {},
	) {
		this.limits = lastValueLimits(limits);
		if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
		this.db = openSqliteDatabase(file, `The built-in stage store ${NEEDS_NODE_SQLITE}`);
		if (file !== ':memory:') chmodSync(file, 0o600);
		this.db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;`);
		const version = Number(this.db.prepare('PRAGMA user_version').get()?.user_version ?? 0);
		if (version > SCHEMA_VERSION) {
			this.db.close();
			throw new Error(`The state file ${file} was written by a newer version of this package (schema ${version}); update the package or move the file away`);
		}
		this.transaction(() => this.db.exec(SCHEMA));
	}

	async swap(key: string, value: string): Promise<string | undefined> {
		checkSwap(key, value);
		return this.transaction(() => {
			const now = Date.now();
			this.statement('DELETE FROM last_values WHERE swapped_at < ?').run(now - this.limits.maxAgeMs);
			const previous = this.statement('SELECT value FROM last_values WHERE key = ?').get(key);
			this.statement('INSERT INTO last_values (key, value, swapped_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, swapped_at = excluded.swapped_at').run(
				key,
				value,
				now,
			);
			if (!previous) this.forgetBeyondCount(key);
			return previous ? String(previous.value) : undefined;
		});
	}

	async close(): Promise<void> {
		this.db.close();
	}

	private forgetBeyondCount(keep: string): void {
		const count = Number(this.statement('SELECT count(*) AS n FROM last_values').get()?.n ?? 0);
		const excess = count - this.limits.maxEntries;
		if (excess <= 0) return;
		this.statement('DELETE FROM last_values WHERE key IN (SELECT key FROM last_values WHERE key <> ? ORDER BY swapped_at, rowid LIMIT ?)').run(keep, excess);
	}

	private statement(sql: string): SqliteStatement {
		let statement = this.statements.get(sql);
		if (!statement) {
			statement = this.db.prepare(sql);
			this.statements.set(sql, statement);
		}
		return statement;
	}

	private transaction<T>(work: () => T): T {
		this.db.exec('BEGIN IMMEDIATE');
		try {
			const result = work();
			this.db.exec('COMMIT');
			return result;
		} catch (error) {
			this.db.exec('ROLLBACK');
			throw error;
		}
	}
}
