import type Redis from 'ioredis';
import { checkSwap, lastValueLimits, type LastValueLimits, type LastValueStore } from '../lastValues/LastValueStore';
import { DEFAULT_STATE_PREFIX } from './RedisAccountLimiters';
import { SWAP_LAST_VALUE_SCRIPT } from './stateScripts';

type SwapCommands = Redis & { smsSwapLastValue(values: string, swapped: string, key: string, value: string, maxEntries: number, maxAgeMs: number): Promise<string | null> };

/** Redis key names of a store (exported for the README and tests): one hash tag, so Redis Cluster works. */
export function lastValueKeys(prefix: string): { values: string; swapped: string } {
	return { values: `${prefix}{last-values}:values`, swapped: `${prefix}{last-values}:swapped` };
}

/**
 * The LastValueStore in Redis, for n8n's queue mode: a hash of the values and a sorted set of when
 * each key was last swapped, changed together by one Lua script (atomic, so of concurrent swaps on
 * any worker exactly one reads the old value). A plain `SET key value GET PX` would give the age
 * bound but not the count bound; the script gives both, with the Redis server's clock. The caller
 * owns the connection.
 */
export class RedisLastValueStore implements LastValueStore {
	private readonly redis: SwapCommands;
	private readonly keys: { values: string; swapped: string };
	private readonly limits: LastValueLimits;

	constructor(redis: Redis, settings: { prefix?: string; limits?: Partial<LastValueLimits> } = {}) {
		this.limits = lastValueLimits(settings.limits);
		this.keys = lastValueKeys(settings.prefix ?? DEFAULT_STATE_PREFIX);
		const commands = redis as SwapCommands;
		if (typeof commands.smsSwapLastValue !== 'function') redis.defineCommand('smsSwapLastValue', { numberOfKeys: 2, lua: SWAP_LAST_VALUE_SCRIPT });
		this.redis = commands;
	}

	async swap(key: string, value: string): Promise<string | undefined> {
		checkSwap(key, value);
		const previous = await this.redis.smsSwapLastValue(this.keys.values, this.keys.swapped, key, value, this.limits.maxEntries, this.limits.maxAgeMs);
		return previous ?? undefined;
	}

	/** The connection is the caller's: nothing to close here. */
	async close(): Promise<void> {}
}
