/**
 * The built-in last-value store on Node's SQLite: the contract every last-value store keeps
 * (restart, concurrency across connections and processes, both bounds) and its file. jest runs on
 * the system's Node 20, which has no node:sqlite, so there this file runs itself again under the
 * Node 24 of the n8n 2.x runtime and reports each of that run's tests as its own; on Node 20 it
 * checks the refusal n8n 1.x users get.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TrackingStoreUnavailableError } from '../../../../../nodes/core/tracking/sqlite/nodeSqlite';
import type { LastValueStore } from '../../../../../nodes/core/state/lastValues/LastValueStore';
import { openBuiltInLastValueStore, stateFilePath } from '../../../../../nodes/core/state/lastValues/openBuiltInLastValueStore';
import { SqliteLastValueStore } from '../../../../../nodes/core/state/lastValues/SqliteLastValueStore';
import { hasNodeSqlite, runTestFileUnderNode24 } from '../../tracking/support/node24';
import { describeLastValueContract, LAST_VALUE_CONTRACT, type LastValueHarness } from '../support/lastValueContract';
import { raceLastValues } from '../support/lastValueProcesses';

const CONTRACT = 'SQLite last-value store contract';
const SPECIFIC = 'SQLite last-value store';

let dir: string;
const open: LastValueStore[] = [];
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sms-last-values-'))));
afterEach(async () => {
	await Promise.all(open.splice(0).map((store) => store.close().catch(() => undefined)));
	if (dir) rmSync(dir, { recursive: true, force: true });
});

function harness(): LastValueHarness {
	let file = '';
	const openFile = async (limits?: object) => {
		const store = new SqliteLastValueStore(file, limits);
		open.push(store);
		return store;
	};
	return {
		fresh: async (limits) => {
			file = join(dir, `s${open.length}`, 'state.sqlite');
			return openFile(limits);
		},
		again: openFile,
		race: (processes, keys, value) => raceLastValues({ backend: 'sqlite', file }, processes, keys, value),
	};
}

const SQLITE_CASES: Array<{ name: string; run(): Promise<void> }> = [
	{
		name: "lives in the n8n user folder, in a folder and file only n8n's user can read, one connection per file",
		async run() {
			expect(stateFilePath({ N8N_USER_FOLDER: '/data' })).toBe('/data/.n8n/sms-gateways/state.sqlite');
			expect(stateFilePath({ N8N_USER_FOLDER: '/data', N8N_SMS_GATEWAYS_STATE_FILE: '/disk/state.sqlite' })).toBe('/disk/state.sqlite');
			const file = join(dir, 'user', '.n8n', 'sms-gateways', 'state.sqlite');
			const store = openBuiltInLastValueStore({ file });
			open.push(store);
			expect(await store.swap('p:deal:1', 'NEW')).toBeUndefined();
			expect(openBuiltInLastValueStore({ file })).toBe(store);
			expect(statSync(file).mode & 0o777).toBe(0o600);
			expect(statSync(join(dir, 'user', '.n8n', 'sms-gateways')).mode & 0o777).toBe(0o700);
		},
	},
	{
		name: 'refuses a file written by a newer version of the package',
		async run() {
			const file = join(dir, 'newer.sqlite');
			const db = new (require('node:sqlite').DatabaseSync)(file);
			db.exec('PRAGMA user_version = 99');
			db.close();
			expect(() => new SqliteLastValueStore(file)).toThrow(/written by a newer version of this package \(schema 99\)/);
		},
	},
];

if (hasNodeSqlite()) {
	describeLastValueContract('SQLite', harness);
	describe(SPECIFIC, () => {
		for (const sqliteCase of SQLITE_CASES) test(sqliteCase.name, () => sqliteCase.run(), 60_000);
	});
} else {
	describe('on Node.js without node:sqlite (n8n 1.x)', () => {
		test('the built-in store refuses with advice instead of forgetting every stage on a restart', () => {
			const file = join(dir, 'n8n1.sqlite');
			expect(() => openBuiltInLastValueStore({ file })).toThrow(TrackingStoreUnavailableError);
			expect(() => openBuiltInLastValueStore({ file })).toThrow(/stage store needs Node\.js 22\.13 or later.*choose the Redis store/);
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
			for (const contractCase of LAST_VALUE_CONTRACT) test(contractCase.name, expectPassedUnderNode24(`${CONTRACT} ${contractCase.name}`));
		});
		describe(SPECIFIC, () => {
			for (const sqliteCase of SQLITE_CASES) test(sqliteCase.name, expectPassedUnderNode24(`${SPECIFIC} ${sqliteCase.name}`));
		});
	});
}
