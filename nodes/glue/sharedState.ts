import type Redis from 'ioredis';
import type { GatewayOptions } from '../core/adapter/GatewayAdapter';
import type { GatewayDefinition } from '../core/adapter/GatewayDefinition';
import { RedisAccountLimiters } from '../core/state/redis/RedisAccountLimiters';
import { RedisSessionStore } from '../core/state/redis/RedisSessionStore';

/** What several executions share about a gateway account: its limits and its login session. */
export type SharedState = Pick<GatewayOptions, 'limiters' | 'sessions'>;

/**
 * An in-flight place held in Redis is leased for this long and renewed every third of it while
 * its request runs, so the places of a worker killed mid-request are free again within 30 s.
 */
export const IN_FLIGHT_LEASE_MS = 30_000;

/**
 * How late a request may reach the gateway after its reserved start and still keep every second
 * within the gateway's rate: starts are spaced (1000 + this) / rate ms apart. Workers are busy
 * processes; on a loaded 2-CPU machine 50 ms was not enough (SMSClub answered 429 twice in 1,000
 * requests from two workers), 150 ms was.
 */
export const LATE_START_MS = 150;

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
