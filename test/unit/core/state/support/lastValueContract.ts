import type { LastValueLimits, LastValueStore } from '../../../../../nodes/core/state/lastValues/LastValueStore';

/** Opens stores for the contract: `fresh` a new empty one, `again` one more on the same data (another connection or process, or after a restart). */
export interface LastValueHarness {
	fresh(limits?: Partial<LastValueLimits>): Promise<LastValueStore>;
	again(limits?: Partial<LastValueLimits>): Promise<LastValueStore>;
	/** Runs `processes` separate Node processes, each swapping `value` into every key at the same moment; what each got back, per key. */
	race(processes: number, keys: string[], value: string): Promise<Array<Record<string, string | null>>>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ContractCase {
	name: string;
	run(harness: LastValueHarness): Promise<void>;
}

/** What every LastValueStore promises, whatever keeps its values. */
export const LAST_VALUE_CONTRACT: ContractCase[] = [
	{
		name: 'an unknown key gives undefined; each swap gives the value before it',
		async run(h) {
			const store = await h.fresh();
			expect(await store.swap('portal-1:deal:5', 'NEW')).toBeUndefined();
			expect(await store.swap('portal-1:deal:5', 'PREPARATION')).toBe('NEW');
			expect(await store.swap('portal-1:deal:5', 'PREPARATION')).toBe('PREPARATION');
			expect(await store.swap('portal-1:deal:5', 'WON')).toBe('PREPARATION');
			// Keys are independent.
			expect(await store.swap('portal-2:deal:5', 'NEW')).toBeUndefined();
			expect(await store.swap('portal-1:deal:6', 'C1:NEW')).toBeUndefined();
			expect(await store.swap('portal-1:deal:5', 'LOSE')).toBe('WON');
		},
	},
	{
		name: 'survives a restart: a store opened again on the same data knows every key',
		async run(h) {
			const first = await h.fresh();
			for (let deal = 1; deal <= 50; deal++) await first.swap(`p:deal:${deal}`, `S${deal}`);
			await first.close();
			const second = await h.again();
			for (let deal = 1; deal <= 50; deal++) expect(await second.swap(`p:deal:${deal}`, 'NEXT')).toBe(`S${deal}`);
		},
	},
	{
		name: 'concurrent swaps on one key through two stores: exactly one sees the old value',
		async run(h) {
			const [a, b] = [await h.fresh(), await h.again()];
			for (let deal = 1; deal <= 30; deal++) await a.swap(`p:deal:${deal}`, 'NEW');
			const got = await Promise.all(Array.from({ length: 30 }, (_, i) => [a.swap(`p:deal:${i + 1}`, 'WON'), b.swap(`p:deal:${i + 1}`, 'WON')]).flat());
			for (let i = 0; i < 30; i++) expect([got[2 * i], got[2 * i + 1]].sort()).toEqual(['NEW', 'WON']);
		},
	},
	{
		name: 'four processes swap the same new value into 50 keys at once: for each key exactly one process sees the old value',
		async run(h) {
			const store = await h.fresh();
			const keys = Array.from({ length: 50 }, (_, i) => `p:deal:${i + 1}`);
			for (const key of keys) await store.swap(key, 'NEW');
			const results = await h.race(4, keys, 'WON');
			for (const key of keys) {
				const seen = results.map((result) => result[key]).sort();
				expect(seen).toEqual(['NEW', 'WON', 'WON', 'WON']);
			}
			expect(await store.swap(keys[0], 'LOSE')).toBe('WON');
		},
	},
	{
		name: 'keeps at most maxEntries keys, forgetting the least recently swapped',
		async run(h) {
			const store = await h.fresh({ maxEntries: 3 });
			for (const deal of ['1', '2', '3']) {
				await store.swap(`p:deal:${deal}`, `S${deal}`);
				await pause(5);
			}
			// Deal 1 swapped again is now the most recent; adding deal 4 forgets deal 2.
			expect(await store.swap('p:deal:1', 'T1')).toBe('S1');
			await pause(5);
			expect(await store.swap('p:deal:4', 'S4')).toBeUndefined();
			await pause(5);
			expect(await store.swap('p:deal:2', 'T2')).toBeUndefined();
			await pause(5);
			// Adding deal 2 again forgot deal 3, the least recent by then; 1 and 4 are kept.
			expect(await store.swap('p:deal:1', 'U1')).toBe('T1');
			expect(await store.swap('p:deal:4', 'T4')).toBe('S4');
			expect(await store.swap('p:deal:3', 'T3')).toBeUndefined();
		},
	},
	{
		name: 'forgets a key not swapped for maxAgeMs',
		async run(h) {
			const store = await h.fresh({ maxAgeMs: 400 });
			await store.swap('p:deal:1', 'NEW');
			await store.swap('p:deal:2', 'NEW');
			await pause(200);
			expect(await store.swap('p:deal:2', 'WON')).toBe('NEW');
			await pause(300);
			// Deal 1 was last swapped 500 ms ago, deal 2 300 ms ago.
			expect(await store.swap('p:deal:1', 'WON')).toBeUndefined();
			expect(await store.swap('p:deal:2', 'LOSE')).toBe('WON');
		},
	},
	{
		name: 'refuses an empty or overlong key or value, and bounds out of range',
		async run(h) {
			const store = await h.fresh();
			await expect(store.swap('', 'NEW')).rejects.toThrow(/key must be text/);
			await expect(store.swap('k'.repeat(257), 'NEW')).rejects.toThrow(/key must be text/);
			await expect(store.swap('p:deal:1', 'v'.repeat(257))).rejects.toThrow(/value must be text/);
			await expect(h.fresh({ maxEntries: 0 })).rejects.toThrow(/maxEntries/);
			await expect(h.fresh({ maxAgeMs: -1 })).rejects.toThrow(/maxAgeMs/);
		},
	},
];

export function describeLastValueContract(name: string, harness: () => LastValueHarness): void {
	describe(`${name} last-value store contract`, () => {
		for (const contractCase of LAST_VALUE_CONTRACT) test(contractCase.name, () => contractCase.run(harness()), 60_000);
	});
}
