import type Redis from 'ioredis';
import type { GatewayOptions } from '../core/adapter/GatewayAdapter';
import type { GatewayDefinition } from '../core/adapter/GatewayDefinition';
import { RedisAccountLimiters } from '../core/state/redis/RedisAccountLimiters';
import { RedisSessionStore } from '../core/state/redis/RedisSessionStore';
import { withRedisConnection, type TrackingStoreKind } from './trackingStore';

/** What several executions share about a gateway account: its limits and its login session. */
export type SharedState = Pick<GatewayOptions, 'limiters' | 'sessions'>;

/**
 * An in-flight place held in Redis is leased for this long and renewed every third of it while
 * its request runs, so the places of a worker killed mid-request are free again within 30 s.
 */
export const IN_FLIGHT_LEASE_MS = 30_000;

/**
 * How late a request may reach the gateway after its reserved start and still keep every second
 * within the gateway's rate: starts are spaced (1000 + this) / rate ms apart (SMSClub: 139 ms, about
 * 7 a second). A worker whose wait for its start ends more than half of this late takes a new start;
 * the other half is for the way to the gateway. Workers are busy processes: on a loaded 2-CPU
 * machine 50 ms drew two 429s from SMSClub in 1,000 requests from two workers, and 150 ms without
 * that check let a late timer put 10 requests into one second.
 */
export const LATE_START_MS = 250;

/**
 * How long a run waits for Redis to answer before it keeps its limits in this process instead.
 * Generous: a busy worker's first command also opens the connection, and at 3 s one of two
 * workers on a loaded machine gave up and logged in to Devino a second time.
 */
const REACHABLE_WITHIN_MS = 10_000;

interface StoresOnConnection {
	limiters: RedisAccountLimiters;
	/** One per session lifetime (a gateway's own), so callers in this process share a login in flight. */
	sessions: Map<number, RedisSessionStore>;
}

const storesByConnection = new WeakMap<Redis, StoresOnConnection>();

/**
 * The gateway's limits and sessions kept in this Redis, so they hold across every n8n process
 * on it (queue mode: a main and its workers). Without it an adapter keeps them in its process.
 */
export function redisSharedState(redis: Redis, definition: GatewayDefinition): SharedState {
	let stores = storesByConnection.get(redis);
	if (!stores) {
		stores = { limiters: new RedisAccountLimiters(redis, { leaseMs: IN_FLIGHT_LEASE_MS, lateStartMs: LATE_START_MS }), sessions: new Map() };
		storesByConnection.set(redis, stores);
	}
	const reuseMs = definition.sessionReuseMs;
	if (reuseMs === undefined) return { limiters: stores.limiters };
	let sessions = stores.sessions.get(reuseMs);
	if (!sessions) {
		sessions = new RedisSessionStore(redis, { reuseMs });
		stores.sessions.set(reuseMs, sessions);
	}
	return { limiters: stores.limiters, sessions };
}

/**
 * The Redis stores, if this Redis answers now; otherwise none, so the run keeps its limits and
 * sessions in this process, as without Redis: a Redis that is down never holds back a send (its
 * tracking store says so on each item). A Redis lost later in the run fails the requests that
 * have not gone out yet (`unavailable`, nothing sent twice).
 */
export async function reachableRedisState(redis: Redis): Promise<((definition: GatewayDefinition) => SharedState) | undefined> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<'timeout'>((resolve) => {
		timer = setTimeout(() => resolve('timeout'), REACHABLE_WITHIN_MS);
	});
	try {
		const answer = await Promise.race([redis.ping(), timeout]);
		return answer === 'PONG' ? (definition) => redisSharedState(redis, definition) : undefined;
	} catch {
		return undefined;
	} finally {
		clearTimeout(timer);
	}
}

type StateContext = Parameters<typeof withRedisConnection>[0] & { logger?: { warn(message: string): void } };

/**
 * Runs `use` once, with the Redis stores when the run's Tracking Store is Redis and that Redis
 * answers, otherwise with none (limits and sessions in this process). A Redis that cannot even be
 * opened (its credential, a tracking setting) falls back the same way: that is reported by the
 * tracking store on each item, and never holds back a send. An error from `use` itself is thrown
 * as it is, never followed by a second run.
 */
export async function withSharedState<T>(
	context: StateContext,
	store: TrackingStoreKind,
	use: (sharedState?: (definition: GatewayDefinition) => SharedState) => Promise<T>,
): Promise<T> {
	if (store !== 'redis') return await use();
	let started = false;
	try {
		return await withRedisConnection(context, async (redis) => {
			const state = await reachableRedisState(redis);
			if (!state) context.logger?.warn(`SMS gateways: the Tracking Store's Redis did not answer within ${REACHABLE_WITHIN_MS / 1000} s; this run keeps gateway limits and sessions in its own process`);
			started = true;
			return await use(state);
		});
	} catch (error) {
		if (started) throw error;
		context.logger?.warn(`SMS gateways: the Tracking Store's Redis could not be opened (${error instanceof Error ? error.message : String(error)}); this run keeps gateway limits and sessions in its own process`);
		return await use();
	}
}
