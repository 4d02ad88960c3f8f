/**
 * "Remember this value for this key and tell me the one it replaces", kept between executions and
 * across restarts. The Bitrix24 Trigger keeps each deal's last seen stage in one, to tell a stage
 * change from any other edit of the deal (Bitrix24's ONCRMDEALUPDATE carries only the deal's ID).
 *
 * Two implementations keep the same promises (one contract test suite runs on both): the built-in
 * SQLite file (SqliteLastValueStore) and Redis (RedisLastValueStore, for queue mode).
 */
export interface LastValueStore {
	/**
	 * Stores `value` under `key` and returns the value it replaced, or undefined when the key was
	 * unknown (never stored, forgotten by a bound). Atomic: of several concurrent swaps on one key,
	 * in one process or many, each returns the value the one before it stored, so exactly one
	 * returns the value that was there first.
	 */
	swap(key: string, value: string): Promise<string | undefined>;
	close(): Promise<void>;
}

/** How much a store keeps. Beyond either bound the least recently swapped keys are forgotten. */
export interface LastValueLimits {
	/** Keys kept at most; adding one more forgets the least recently swapped. */
	maxEntries: number;
	/** A key not swapped for this long is forgotten. */
	maxAgeMs: number;
}

export const DEFAULT_LAST_VALUE_LIMITS: LastValueLimits = { maxEntries: 100_000, maxAgeMs: 365 * 24 * 60 * 60_000 };

/** Longest key and value taken (a portal id plus a deal id, a stage id are far shorter). */
export const MAX_KEY_LENGTH = 256;
export const MAX_VALUE_LENGTH = 256;

export function lastValueLimits(limits: Partial<LastValueLimits> = {}): LastValueLimits {
	const checked = { ...DEFAULT_LAST_VALUE_LIMITS, ...limits };
	if (!Number.isInteger(checked.maxEntries) || checked.maxEntries < 1 || checked.maxEntries > 10_000_000) {
		throw new RangeError(`maxEntries must be a whole number from 1 to 10,000,000 (got ${checked.maxEntries})`);
	}
	if (!Number.isInteger(checked.maxAgeMs) || checked.maxAgeMs < 1 || checked.maxAgeMs > 10 * 365 * 24 * 60 * 60_000) {
		throw new RangeError(`maxAgeMs must be a whole number of milliseconds from 1 to 10 years (got ${checked.maxAgeMs})`);
	}
	return checked;
}

/** Refuses what no store should keep: an empty or overlong key or value. */
export function checkSwap(key: unknown, value: unknown): void {
	if (typeof key !== 'string' || key === '' || key.length > MAX_KEY_LENGTH) throw new RangeError(`The key must be text of 1-${MAX_KEY_LENGTH} characters`);
	if (typeof value !== 'string' || value.length > MAX_VALUE_LENGTH) throw new RangeError(`The value must be text of at most ${MAX_VALUE_LENGTH} characters`);
}
