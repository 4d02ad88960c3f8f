/**
 * The last-value store in Redis against a real redis-server: the contract every last-value store
 * keeps (restart, concurrency across connections and processes, both bounds), and its keys.
 */
import Redis from 'ioredis';
import { lastValueKeys, RedisLastValueStore } from '../../../../../nodes/core/state/redis/RedisLastValueStore';
import { redisServerForTests } from '../../../../harness/redisServer';
import { describeLastValueContract, type LastValueHarness } from '../support/lastValueContract';
import { raceLastValues } from '../support/lastValueProcesses';

const redisServer = redisServerForTests();
const clients: Redis[] = [];
let prefixes = 0;

function connect(): Redis {
	const client = new Redis({ host: '127.0.0.1', port: redisServer.port });
	clients.push(client);
	return client;
}
afterAll(() => clients.forEach((client) => client.disconnect()));

function harness(): LastValueHarness {
	const prefix = `test-${process.pid}-${++prefixes}:`;
	// Each store gets its own connection, as separate workers would.
	const open = async (limits?: object) => new RedisLastValueStore(connect(), { prefix, limits });
	return {
		fresh: open,
		again: open,
		race: (processes, keys, value) => raceLastValues({ backend: 'redis', port: redisServer.port, prefix }, processes, keys, value),
	};
}

(redisServer.available ? describe : describe.skip)('Redis', () => {
	describeLastValueContract('Redis', harness);

	test('keeps its keys under one hash tag and lets them expire with the age bound', async () => {
		const prefix = `test-${process.pid}-keys:`;
		const redis = connect();
		await new RedisLastValueStore(redis, { prefix, limits: { maxAgeMs: 60_000 } }).swap('p:deal:1', 'NEW');
		const keys = lastValueKeys(prefix);
		expect(keys.values).toBe(`${prefix}{last-values}:values`);
		expect((await redis.keys(`${prefix}*`)).sort()).toEqual([keys.swapped, keys.values].sort());
		expect(await redis.hget(keys.values, 'p:deal:1')).toBe('NEW');
		for (const key of [keys.values, keys.swapped]) {
			const ttl = await redis.pttl(key);
			expect(ttl).toBeGreaterThan(50_000);
			expect(ttl).toBeLessThanOrEqual(60_000);
		}
	});

	test('a Redis that cannot be reached fails the swap instead of answering "unknown"', async () => {
		const redis = new Redis({ host: '127.0.0.1', port: 1, maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
		redis.on('error', () => undefined);
		await expect(new RedisLastValueStore(redis).swap('p:deal:1', 'NEW')).rejects.toThrow();
		redis.disconnect();
	});
});
