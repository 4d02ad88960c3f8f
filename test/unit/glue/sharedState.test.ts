/**
 * The state a node puts in Redis (queue mode): every gateway's account limits, and the login
 * sessions of a gateway that logs in (Devino), on one connection, against a real redis-server.
 */
import Redis from 'ioredis';
import { RedisAccountLimiters, limiterKeys, DEFAULT_STATE_PREFIX } from '../../../nodes/core/state/redis/RedisAccountLimiters';
import { RedisSessionStore } from '../../../nodes/core/state/redis/RedisSessionStore';
import { findGatewayDefinition } from '../../../nodes/gateways/registry';
import { IN_FLIGHT_LEASE_MS, reachableRedisState, redisSharedState, withSharedState } from '../../../nodes/glue/sharedState';
import { closeIdleTrackingStores } from '../../../nodes/glue/trackingStore';
import { redisServerForTests } from '../../harness/redisServer';

const redisServer = redisServerForTests();
const definition = (id: string) => findGatewayDefinition(id)!;

(redisServer.available ? describe : describe.skip)('redisSharedState', () => {
	let redis: Redis;
	beforeAll(() => {
		redis = new Redis({ host: '127.0.0.1', port: redisServer.port });
	});
	afterAll(() => redis.disconnect());

	test('every gateway gets Redis limits; only Devino, which logs in, gets a Redis session store', () => {
		for (const id of ['smsAssistent', 'a1', 'smsClub']) {
			const state = redisSharedState(redis, definition(id));
			expect(state.limiters).toBeInstanceOf(RedisAccountLimiters);
			expect(state.sessions).toBeUndefined();
		}
		const devino = redisSharedState(redis, definition('devino'));
		expect(devino.limiters).toBeInstanceOf(RedisAccountLimiters);
		expect(devino.sessions).toBeInstanceOf(RedisSessionStore);
	});

	test('one set of stores per connection, so calls in one process share a login in flight', () => {
		const first = redisSharedState(redis, definition('devino'));
		const second = redisSharedState(redis, definition('devino'));
		expect(second.limiters).toBe(first.limiters);
		expect(second.sessions).toBe(first.sessions);
		const other = new Redis({ host: '127.0.0.1', port: redisServer.port, lazyConnect: true });
		expect(redisSharedState(other, definition('devino')).limiters).not.toBe(first.limiters);
		other.disconnect();
	});

	test('an in-flight place is leased for 30 s, so a killed worker frees it within that', async () => {
		const { limiters } = redisSharedState(redis, definition('smsClub'));
		const account = { gateway: 'smsClub', baseUrl: 'http://example.invalid', identity: `lease-${Date.now()}` };
		const leave = await limiters!.gateFor(account, { inFlight: 1 }).enter();
		const ttl = await redis.pttl(limiterKeys(DEFAULT_STATE_PREFIX, account).leases);
		leave();
		expect(ttl).toBeGreaterThan(IN_FLIGHT_LEASE_MS - 5_000);
		expect(ttl).toBeLessThanOrEqual(IN_FLIGHT_LEASE_MS);
	});
});

describe('reachableRedisState', () => {
	test('a Redis that does not answer gives no Redis stores: the run keeps its limits in the process', async () => {
		const down = new Redis({ host: '127.0.0.1', port: 1, maxRetriesPerRequest: 1, lazyConnect: true });
		down.on('error', () => undefined);
		expect(await reachableRedisState(down)).toBeUndefined();
		down.disconnect();
	});
});

(redisServer.available ? describe : describe.skip)('reachableRedisState with a running Redis', () => {
	test('gives the Redis stores', async () => {
		const redis = new Redis({ host: '127.0.0.1', port: redisServer.port });
		const state = await reachableRedisState(redis);
		expect(state?.(definition('smsClub')).limiters).toBeInstanceOf(RedisAccountLimiters);
		redis.disconnect();
	});
});

describe('withSharedState', () => {
	afterAll(() => closeIdleTrackingStores());
	const context = (credential: () => Promise<Record<string, unknown>>) => ({ getCredentials: credential }) as unknown as Parameters<typeof withSharedState>[0];

	test('the built-in store: run once, without Redis stores', async () => {
		const use = jest.fn(async (state?: unknown) => state);
		expect(await withSharedState(context(async () => ({})), 'builtIn', use)).toBeUndefined();
		expect(use).toHaveBeenCalledTimes(1);
	});

	test('a Redis that cannot be opened (no credential): run once, without Redis stores', async () => {
		const use = jest.fn(async (state?: unknown) => state);
		const missing = context(async () => {
			throw new Error('Node does not have any credentials set for "redis"');
		});
		expect(await withSharedState(missing, 'redis', use)).toBeUndefined();
		expect(use).toHaveBeenCalledTimes(1);
	});

	test('an error of the run itself is thrown as it is and the run is not repeated', async () => {
		const use = jest.fn(async () => {
			throw new Error('the send failed');
		});
		await expect(withSharedState(context(async () => ({ host: '127.0.0.1', port: 1 })), 'redis', use)).rejects.toThrow('the send failed');
		expect(use).toHaveBeenCalledTimes(1);
	});
});
