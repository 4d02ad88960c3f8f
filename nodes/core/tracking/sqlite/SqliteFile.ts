import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openSqliteDatabase, type SqliteDatabase, type SqliteStatement } from './nodeSqlite';

/** How long a process that finds the file locked by another waits before it fails. */
const BUSY_TIMEOUT_MS = 10_000;

export interface SqliteFileOptions {
	/** What the file holds, for the error about a newer schema ("tracking", "state"). */
	what: string;
	/** The statements that create the tables; they set `PRAGMA user_version` to `schemaVersion`. */
	schema: string;
	schemaVersion: number;
	/** The store's own advice when Node has no node:sqlite. */
	refusal?: string;
}

/**
 * A built-in store's SQLite file, opened the one way every such store here opens it: its folder
 * and the file readable by n8n's user only (the -wal and -shm files follow the file's mode; stores
 * hold phone numbers and CRM ids), WAL with synchronous=NORMAL (every commit survives a crash or
 * restart of n8n; a power cut can lose the last commits before a checkpoint,
 * https://www.sqlite.org/pragma.html#pragma_synchronous), a schema a newer package wrote refused
 * rather than misread, prepared statements kept, and IMMEDIATE transactions: the write lock is
 * taken before anything is read, so two processes never both read and then both write.
 */
export class SqliteFile {
	readonly db: SqliteDatabase;
	private readonly statements = new Map<string, SqliteStatement>();

	constructor(
		readonly file: string,
		options: SqliteFileOptions,
	) {
		if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
		this.db = openSqliteDatabase(file, options.refusal);
		if (file !== ':memory:') chmodSync(file, 0o600);
		this.db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;`);
		const version = Number(this.db.prepare('PRAGMA user_version').get()?.user_version ?? 0);
		if (version > options.schemaVersion) {
			this.db.close();
			throw new Error(`The ${options.what} file ${file} was written by a newer version of this package (schema ${version}); update the package or move the file away`);
		}
		this.transaction(() => this.db.exec(options.schema));
	}

	/** The prepared statement for `sql`, prepared once per file. */
	statement(sql: string): SqliteStatement {
		let statement = this.statements.get(sql);
		if (!statement) {
			statement = this.db.prepare(sql);
			this.statements.set(sql, statement);
		}
		return statement;
	}

	/** Runs `work` in an IMMEDIATE transaction, rolled back if it throws. */
	transaction<T>(work: () => T): T {
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

	close(): void {
		this.statements.clear();
		this.db.close();
	}
}
