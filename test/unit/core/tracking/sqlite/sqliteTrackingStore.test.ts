/**
 * The built-in store on Node's SQLite. jest runs on the system's Node 20, which has no node:sqlite,
 * so there this file runs itself again under the Node 24 of the n8n 2.x runtime and reports each
 * of that run's tests as its own; on Node 20 it also checks the refusal n8n 1.x users get.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTrackingStore } from '../../../../../nodes/core/tracking/createTrackingStore';
import { openBuiltInTrackingStore } from '../../../../../nodes/core/tracking/sqlite/openBuiltInTrackingStore';
import { openSqliteDatabase, TrackingStoreUnavailableError } from '../../../../../nodes/core/tracking/sqlite/nodeSqlite';
import { SqliteTrackingBackend } from '../../../../../nodes/core/tracking/sqlite/SqliteTrackingBackend';
import type { TrackingStore } from '../../../../../nodes/core/tracking/TrackingStore';
import { trackingLimits, type TrackingLimits } from '../../../../../nodes/core/tracking/trackingLimits';
import { raceProcesses } from '../support/crossProcess';
import { hasNodeSqlite, runTestFileUnderNode24 } from '../support/node24';
import { at, describeTrackingContract, message, poll, T0, TRACKING_CONTRACT, type StoreHarness } from '../support/trackingContract';

const CONTRACT = 'SQLite tracking store contract';
const SPECIFIC = 'SQLite tracking store';

let dir: string;
const open: TrackingStore[] = [];
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sms-tracking-'))));
afterEach(async () => {
	await Promise.all(open.splice(0).map((store) => store.close().catch(() => undefined)));
	if (dir) rmSync(dir, { recursive: true, force: true });
});

function openFile(file: string, limits?: Partial<TrackingLimits>): TrackingStore {
	const checked = trackingLimits(limits);
	const store = createTrackingStore(new SqliteTrackingBackend(file), checked);
	open.push(store);
	return store;
}

function harness(): StoreHarness {
	let file = '';
	return {
		fresh: async (limits) => openFile((file = join(dir, `t${open.length}`, 'tracking.sqlite')), limits),
		reopen: async (limits) => openFile(file, limits),
	};
}

const SQLITE_CASES: Array<{ name: string; run(): Promise<void> }> = [
	{
		name: 'creates its folder and a file only n8n\'s user can read, in WAL mode',
		async run() {
			const file = join(dir, 'user', '.n8n', 'sms-gateways', 'tracking.sqlite');
			const store = openBuiltInTrackingStore({ file });
			open.push(store);
			await store.track([message('m1')], T0);
			expect(statSync(file).mode & 0o777).toBe(0o600);
			expect(statSync(join(dir, 'user', '.n8n', 'sms-gateways')).mode & 0o777).toBe(0o700);
			// The same file in the same process is one shared connection.
			expect(openBuiltInTrackingStore({ file })).toBe(store);
			const peek = openSqliteDatabase(file);
			try {
				expect(peek.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
				expect(peek.prepare('SELECT count(*) AS n FROM tracked_messages').get()).toEqual({ n: 1 });
			} finally {
				peek.close();
			}
		},
	},
	{
		name: 'four processes on one file: every change announced exactly once, no tracked message lost',
		async run() {
			const file = join(dir, 'shared.sqlite');
			const store = openFile(file);
			const shared = Array.from({ length: 100 }, (_, i) => `s${i}`);
			await store.track(shared.map((id) => message(id)), T0);
			const results = await raceProcesses(process.execPath, { backend: 'sqlite', file }, { processes: 4, ownPerProcess: 100, shared, now: at(2) });
			const changes = results.flatMap((result) => result.changes).sort();
			expect(changes).toEqual(shared.flatMap((id) => [`${id}:delivered`, `${id}:sent`]).sort());
			expect(results.map((result) => result.tracked)).toEqual([100, 100, 100, 100]);
			expect(await store.stats()).toEqual({ active: 400, retained: 100 });
		},
	},
	{
		name: 'waits for another process that holds the write lock instead of failing (busy timeout)',
		async run() {
			const file = join(dir, 'busy.sqlite');
			const store = openFile(file);
			await store.track([message('first')], T0);
			// Another process takes the write lock and keeps it for a second.
			const holder = spawn(process.execPath, [
				'-e',
				`const db = new (require('node:sqlite').DatabaseSync)(${JSON.stringify(file)}); db.exec('BEGIN IMMEDIATE'); console.log('locked'); setTimeout(() => { db.exec('COMMIT'); db.close(); }, 1000);`,
			]);
			await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
			const started = Date.now();
			expect(await store.track([message('second')], T0)).toEqual(['tracked']);
			expect(Date.now() - started).toBeGreaterThanOrEqual(500);
			await new Promise((resolve) => holder.once('exit', resolve));
			expect(await store.stats()).toEqual({ active: 2, retained: 0 });
		},
	},
	{
		name: 'refuses a file written by a newer version of the package, and leaves it alone',
		async run() {
			const file = join(dir, 'newer.sqlite');
			const db = openSqliteDatabase(file);
			db.exec('PRAGMA user_version = 99');
			db.close();
			expect(() => new SqliteTrackingBackend(file)).toThrow(/written by a newer version of this package \(schema 99\)/);
		},
	},
	{
		name: 'grows by under 1 KB per tracked message (10,000 messages measured)',
		async run() {
			const file = join(dir, 'size.sqlite');
			const store = openFile(file);
			const messages = Array.from({ length: 10_000 }, (_, i) => message(`${9_000_000_000 + i}`, { reference: `crm-${i}` }));
			await store.track(messages, T0);
			for (const due of await store.claimDue({ gateway: 'smsAssistent', credentialId: 'cred-1' }, 10_000, at(1))) {
				await store.record(poll(due.messageId, 'sent'), at(1));
			}
			await store.close();
			const bytes = statSync(file).size + (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0);
			// Printed for the README's size figure.
			process.stdout.write(`tracking.sqlite: ${Math.round(bytes / 10_000)} bytes per tracked message\n`);
			expect(bytes / 10_000).toBeLessThan(1024);
		},
	},
];

if (hasNodeSqlite()) {
	describeTrackingContract('SQLite', harness);
	describe(SPECIFIC, () => {
		for (const sqliteCase of SQLITE_CASES) test(sqliteCase.name, () => sqliteCase.run(), 60_000);
	});
} else {
	describe('on Node.js without node:sqlite (n8n 1.x)', () => {
		test('the built-in store refuses with advice instead of forgetting messages on a restart', () => {
			const file = join(dir, 'n8n1.sqlite');
			expect(() => openBuiltInTrackingStore({ file })).toThrow(TrackingStoreUnavailableError);
			expect(() => openBuiltInTrackingStore({ file })).toThrow(/needs Node\.js 22\.13 or later.*Upgrade to n8n 2\.x, or choose the Redis tracking store/);
		});
	});

	// The same tests, run under Node 24 once for the whole file; each is reported under its own name.
	describe('under the Node 24 of the n8n 2.x runtime', () => {
		let results: Map<string, { status: string; failureMessages: string[] }>;
		beforeAll(async () => {
			results = await runTestFileUnderNode24(__filename);
		}, 300_000);
		const expectPassedUnderNode24 = (fullName: string) => () => {
			const result = results.get(fullName);
			if (!result) throw new Error(`Not run under Node 24: ${fullName}`);
			if (result.status !== 'passed') throw new Error(`Under Node 24: ${result.status}\n${result.failureMessages.join('\n')}`);
		};
		describe(CONTRACT, () => {
			for (const contractCase of TRACKING_CONTRACT) test(contractCase.name, expectPassedUnderNode24(`${CONTRACT} ${contractCase.name}`));
		});
		describe(SPECIFIC, () => {
			for (const sqliteCase of SQLITE_CASES) test(sqliteCase.name, expectPassedUnderNode24(`${SPECIFIC} ${sqliteCase.name}`));
		});
	});
}
