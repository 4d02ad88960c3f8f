/**
 * Node's built-in SQLite (`node:sqlite`, without a flag since Node 22.13; every n8n 2.x runtime has
 * it). Typed here by hand because the package builds against Node 20's types, and loaded at run
 * time so that merely importing the tracking code works on Node 20 (n8n 1.x).
 * API: https://nodejs.org/api/sqlite.html
 */
export interface SqliteStatement {
	run(...params: SqliteValue[]): { changes: number | bigint; lastInsertRowid: number | bigint };
	get(...params: SqliteValue[]): Record<string, SqliteValue> | undefined;
	all(...params: SqliteValue[]): Array<Record<string, SqliteValue>>;
}

export type SqliteValue = string | number | bigint | null | Uint8Array;

export interface SqliteDatabase {
	exec(sql: string): void;
	prepare(sql: string): SqliteStatement;
	close(): void;
}

export class TrackingStoreUnavailableError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'TrackingStoreUnavailableError';
	}
}

const TRACKING_REFUSAL = () =>
	`Delivery tracking's built-in store needs Node.js 22.13 or later (node:sqlite), as in every n8n 2.x; ` +
	`this n8n runs on Node.js ${process.versions.node}. Upgrade to n8n 2.x, or choose the Redis tracking store ` +
	`(n8n's Redis credential), or turn Track Delivery off.`;

/** Node's SQLite, or a refusal that says what to do instead (`refusal`: the store's own advice). */
export function openSqliteDatabase(file: string, refusal?: string): SqliteDatabase {
	let sqlite: { DatabaseSync: new (path: string) => SqliteDatabase };
	try {
		sqlite = require('node:sqlite');
	} catch {
		throw new TrackingStoreUnavailableError(refusal ? `${refusal} (this n8n runs on Node.js ${process.versions.node})` : TRACKING_REFUSAL());
	}
	return new sqlite.DatabaseSync(file);
}
