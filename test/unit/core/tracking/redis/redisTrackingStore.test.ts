/**
 * The Redis store (queue mode) against a real redis-server: the same contract as the built-in
 * store, plus separate processes racing on one Redis and the connection settings of n8n's Redis
 * credential.
 */
import Redis from 'ioredis';
import { openRedisTrackingStore } from '../../../../../nodes/core/tracking/redis/openRedisTrackingStore';
import type { TrackingStore } from '../../../../../nodes/core/tracking/TrackingStore';
import type { TrackingLimits } from '../../../../../nodes/core/tracking/trackingLimits';
import { raceProcesses } from '../support/crossProcess';
import { redisServerForTests } from '../../../../harness/redisServer';
import { at, describeTrackingContract, message, T0, type StoreHarness } from '../support/trackingContract';

const redis = redisServerForTests();
const open: TrackingStore[] = [];
let prefixes = 0;
afterEach(async () => {
	await Promise.all(open.splice(0).map((store) => store.close().catch(() => undefined)));
});

function openPrefix(prefix: string, limits?: Partial<TrackingLimits>): TrackingStore {
	const store = openRedisTrackingStore({ host: '127.0.0.1', port: redis.port }, { prefix, limits });
	open.push(store);
	return store;
}

function harness(): StoreHarness {
	let prefix = '';
	return {
		fresh: async (limits) => openPrefix((prefix = `test-${process.pid}-${++prefixes}:{tracking}:`), limits),
		reopen: async (limits) => openPrefix(prefix, limits),
	};
}

(redis.available ? describe : describe.skip)('Redis', () => {
	describeTrackingContract('Redis', harness);

	describe('Redis tracking store', () => {
		test('four processes on one Redis: every change announced exactly once, no tracked message lost', async () => {
			const prefix = `race-${process.pid}:{tracking}:`;
			const store = openPrefix(prefix);
			const shared = Array.from({ length: 100 }, (_, i) => `s${i}`);
			await store.track(shared.map((id) => message(id)), T0);
			const results = await raceProcesses(process.execPath, { backend: 'redis', port: redis.port, prefix }, { processes: 4, ownPerProcess: 100, shared, now: at(2) });
			const changes = results.flatMap((result) => result.changes).sort();
			expect(changes).toEqual(shared.flatMap((id) => [`${id}:delivered`, `${id}:sent`]).sort());
			expect(results.map((result) => result.tracked)).toEqual([100, 100, 100, 100]);
			expect(await store.stats()).toEqual({ active: 400, retained: 100 });
		}, 60_000);

		test('keeps every key under its prefix, in one cluster hash slot, and reset() removes only those', async () => {
			const prefix = `keys-${process.pid}:{tracking}:`;
			const store = openPrefix(prefix);
			const neighbour = new Redis({ host: '127.0.0.1', port: redis.port });
			try {
				await neighbour.set('someone-else', 'kept');
				await store.track([message('a'), message('b')], T0);
				const keys = await neighbour.keys(`keys-${process.pid}:*`);
				expect(keys.length).toBeGreaterThan(0);
				expect(keys.every((key) => key.startsWith(prefix))).toBe(true);
				await store.reset();
				expect(await neighbour.keys(`keys-${process.pid}:*`)).toEqual([]);
				expect(await neighbour.get('someone-else')).toBe('kept');
			} finally {
				neighbour.disconnect();
			}
		});

		test('a Redis that cannot be reached is an error naming where, not a silent loss, and not the password', async () => {
			const password = 'redis-pass-7Qx9';
			const store = openRedisTrackingStore(
				{ host: '127.0.0.1', port: 1, username: 'n8n', password, connectTimeout: 500, maxRetriesPerRequest: 0, retryStrategy: () => null },
				{ prefix: 'down:{tracking}:' },
			);
			open.push(store);
			const error = await store.track([message('a')], T0).then(() => undefined, (e: Error) => e);
			expect(error?.message).toMatch(/^Tracking store: Redis at 127\.0\.0\.1:1 failed: /);
			expect(error?.message).not.toContain(password);
		});

		test('a wrong Redis password is an error that does not repeat it', async () => {
			const password = 'wrong-pass-3Kd8';
			const store = openRedisTrackingStore({ host: '127.0.0.1', port: redis.port, username: 'nobody', password, maxRetriesPerRequest: 0, retryStrategy: () => null }, { prefix: 'auth:{tracking}:' });
			open.push(store);
			const error = await store.track([message('a')], T0).then(() => undefined, (e: Error) => e);
			expect(error?.message).toMatch(/^Tracking store: Redis at 127\.0\.0\.1:\d+ failed: /);
			expect(error?.message).not.toContain(password);
		});
	});
});
