/**
 * How a node reaches its LastValueStore (the Bitrix24 Trigger's deal stages): Redis through n8n's
 * Redis credential, one store per connection, against a real redis-server; the built-in file
 * refused on the Node.js 20 of n8n 1.x (jest's Node); an unreachable Redis refused when checked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STATE_FILE_VARIABLE } from '../../../nodes/core/state/lastValues/openBuiltInLastValueStore';
import { checkLastValueStore, withLastValueStore } from '../../../nodes/glue/lastValueStore';
import { closeIdleTrackingStores } from '../../../nodes/glue/trackingStore';
import { hasNodeSqlite } from '../core/tracking/support/node24';
import { redisServerForTests } from '../../harness/redisServer';

const redisServer = redisServerForTests();
const contextWith = (credential: Record<string, unknown>) => ({ getCredentials: async () => credential }) as never;

afterAll(async () => closeIdleTrackingStores());

(redisServer.available ? describe : describe.skip)('withLastValueStore on Redis', () => {
	test("swaps through the Redis of the node's Redis credential, one store per connection, values kept across calls", async () => {
		const context = contextWith({ host: '127.0.0.1', port: redisServer.port, database: 3 });
		const key = `bitrix24:glue-${process.pid}:deal:5`;
		const first = await withLastValueStore(context, 'redis', async (store) => [store, await store.swap(key, 'NEW')] as const);
		const second = await withLastValueStore(context, 'redis', async (store) => [store, await store.swap(key, 'WON')] as const);
		expect(first[1]).toBeUndefined();
		expect(second[1]).toBe('NEW');
		expect(second[0]).toBe(first[0]);
		await expect(checkLastValueStore(context, 'redis')).resolves.toBeUndefined();
	});
});

test('an unreachable Redis fails the check (the trigger then refuses to publish)', async () => {
	await expect(checkLastValueStore(contextWith({ host: '127.0.0.1', port: 1 }), 'redis')).rejects.toThrow();
}, 30_000);

(hasNodeSqlite() ? test.skip : test)('on Node.js 20 (n8n 1.x) the built-in store is refused with the advice to choose Redis', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'sms-last-values-glue-'));
	process.env[STATE_FILE_VARIABLE] = join(dir, 'state.sqlite');
	try {
		await expect(checkLastValueStore(contextWith({}), 'builtIn')).rejects.toThrow(/stage store needs Node\.js 22\.13 or later.*choose the Redis store/);
	} finally {
		delete process.env[STATE_FILE_VARIABLE];
		rmSync(dir, { recursive: true, force: true });
	}
});
