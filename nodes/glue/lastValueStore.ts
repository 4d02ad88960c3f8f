import type Redis from 'ioredis';
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { openBuiltInLastValueStore } from '../core/state/lastValues/openBuiltInLastValueStore';
import type { LastValueStore } from '../core/state/lastValues/LastValueStore';
import { RedisLastValueStore } from '../core/state/redis/RedisLastValueStore';
import { TRACKING_STORES, withRedisConnection, type TrackingStoreKind } from './trackingStore';

/** Where a node keeps its last values: the built-in SQLite file, or Redis (queue mode) — the same two choices as the tracking store. */
export const LAST_VALUE_STORES = TRACKING_STORES;
export type LastValueStoreKind = TrackingStoreKind;

type StoreContext = Pick<IHookFunctions | IWebhookFunctions, 'getCredentials'>;

const redisStores = new WeakMap<Redis, LastValueStore>();

/**
 * The one way a node reaches a LastValueStore: the built-in file (one connection per file and
 * process; on Node.js 20 it refuses with advice), or the Redis of the node's Redis credential
 * through the connection the tracking store's glue already keeps per credential and process.
 */
export async function withLastValueStore<T>(context: StoreContext, kind: LastValueStoreKind, use: (store: LastValueStore) => Promise<T>): Promise<T> {
	if (kind === 'builtIn') return await use(openBuiltInLastValueStore());
	return await withRedisConnection(context, (redis) => {
		let store = redisStores.get(redis);
		if (!store) {
			store = new RedisLastValueStore(redis);
			redisStores.set(redis, store);
		}
		return use(store);
	});
}

/** Opens the store once, so that a choice that cannot work (Node.js 20's built-in, an unreachable Redis) fails when the workflow is published. */
export async function checkLastValueStore(context: StoreContext, kind: LastValueStoreKind): Promise<void> {
	if (kind === 'builtIn') {
		openBuiltInLastValueStore();
		return;
	}
	await withRedisConnection(context, async (redis) => {
		await redis.ping();
	});
}
