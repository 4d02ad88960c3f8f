import { createHash } from 'node:crypto';
import Redis, { type RedisOptions } from 'ioredis';
import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';
import { openRedisTrackingStore } from '../core/tracking/redis/openRedisTrackingStore';
import { redisOptionsFromCredential } from '../core/tracking/redis/redisOptions';
import { openBuiltInTrackingStore } from '../core/tracking/sqlite/openBuiltInTrackingStore';
import type { TrackingStore } from '../core/tracking/TrackingStore';
import { trackingLimitsFromEnvironment } from '../core/tracking/trackingSettings';

/** Where tracked messages are kept: the built-in SQLite file (default) or Redis (queue mode). */
export const TRACKING_STORES = ['builtIn', 'redis'] as const;
export type TrackingStoreKind = (typeof TRACKING_STORES)[number];

/** n8n's own Redis credential type (the one its Redis node uses). */
export const REDIS_CREDENTIAL = 'redis';

/** A Redis store unused this long is closed; the next use opens it again. */
const REDIS_IDLE_CLOSE_MS = 5 * 60_000;
/** Redis connections kept open at most per process (one per distinct Redis credential in use). */
const MAX_OPEN_REDIS_STORES = 16;

interface SharedRedisStore {
	store: TrackingStore;
	options: RedisOptions;
	/** For the account limits and login sessions (sharedState.ts), opened on first use. */
	connection?: Redis;
	users: number;
	idleTimer?: NodeJS.Timeout;
}

const redisStores = new Map<string, SharedRedisStore>();

type StoreContext = Pick<IExecuteFunctions | IPollFunctions, 'getCredentials'>;

/**
 * The one way any node of this package (sender, status trigger, delivery-report trigger) reaches
 * the tracking store, so they all meet in the same place: one built-in store per process (per
 * file), one Redis connection per process and Redis credential, shared by every execution and
 * closed once it has been idle for a while. The tracking limits come from the environment
 * (trackingSettings.ts) and are the same for every node of the process.
 *
 * Throws when the store cannot be opened (on Node.js 20 the built-in store refuses with advice).
 */
export async function withTrackingStore<T>(context: StoreContext, kind: TrackingStoreKind, use: (store: TrackingStore) => Promise<T>): Promise<T> {
	if (kind === 'builtIn') return await use(openBuiltInTrackingStore({ limits: trackingLimitsFromEnvironment() }));
	return await withRedisEntry(context, (entry) => use(entry.store));
}

/**
 * The Redis of the node's Redis credential, as one connection per process and credential beside
 * the tracking store's (and closed with it), for what else the package keeps there: the gateway
 * accounts' limits and login sessions shared by every worker (sharedState.ts).
 */
export async function withRedisConnection<T>(context: StoreContext, use: (redis: Redis) => Promise<T>): Promise<T> {
	return await withRedisEntry(context, (entry) => {
		if (!entry.connection) {
			const connection = new Redis({ maxRetriesPerRequest: 2, connectTimeout: 5_000, disconnectTimeout: 500, ...entry.options });
			// A failure reaches the caller through the failing command; without a listener ioredis prints it as unhandled.
			connection.on('error', () => undefined);
			entry.connection = connection;
		}
		return use(entry.connection);
	});
}

async function withRedisEntry<T>(context: StoreContext, use: (entry: SharedRedisStore) => Promise<T>): Promise<T> {
	const options = redisOptionsFromCredential(await context.getCredentials(REDIS_CREDENTIAL));
	// The key is a hash, so no password sits in a map key that a heap dump or a log could show.
	const key = createHash('sha256').update(JSON.stringify(options)).digest('hex');
	let shared = redisStores.get(key);
	if (!shared) {
		await closeIdleBeyond(MAX_OPEN_REDIS_STORES - 1);
		shared = { store: openRedisTrackingStore(options, { limits: trackingLimitsFromEnvironment() }), options, users: 0 };
		redisStores.set(key, shared);
	}
	const entry = shared;
	clearTimeout(entry.idleTimer);
	entry.users += 1;
	try {
		return await use(entry);
	} finally {
		entry.users -= 1;
		if (entry.users === 0) {
			entry.idleTimer = setTimeout(() => void closeEntry(key, entry), REDIS_IDLE_CLOSE_MS);
			entry.idleTimer.unref();
		}
	}
}

/** Closes every open Redis store that no execution is using (for shutdown and tests). */
export async function closeIdleTrackingStores(): Promise<void> {
	await closeIdleBeyond(0);
}

async function closeIdleBeyond(keep: number): Promise<void> {
	const idle = [...redisStores.entries()].filter(([, entry]) => entry.users === 0);
	const excess = redisStores.size - keep;
	await Promise.all(idle.slice(0, Math.max(0, excess)).map(([key, entry]) => closeEntry(key, entry)));
}

async function closeEntry(key: string, entry: SharedRedisStore): Promise<void> {
	if (entry.users > 0 || redisStores.get(key) !== entry) return;
	clearTimeout(entry.idleTimer);
	redisStores.delete(key);
	await entry.store.close().catch(() => undefined);
	if (entry.connection?.status === 'ready') await entry.connection.quit().catch(() => entry.connection?.disconnect());
	else entry.connection?.disconnect();
}
