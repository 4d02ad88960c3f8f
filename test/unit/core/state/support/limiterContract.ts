import type { HttpTransport } from '../../../../../nodes/core/adapter/http';
import { gatedTransport, type AccountKey, type AccountLimiterStore } from '../../../../../nodes/core/state/accountLimiters';

/** What every AccountLimiterStore promises, whatever keeps its state. */
export const account = (identity: string): AccountKey => ({ gateway: 'smsClub', baseUrl: 'https://im.smsclub.mobi', identity });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A transport that records when each request started and how many were open at once. */
function countingTransport(delayMs: number): { transport: HttpTransport; starts: number[]; peak: () => number } {
	let open = 0;
	let peak = 0;
	const starts: number[] = [];
	const transport: HttpTransport = async () => {
		starts.push(Date.now());
		open++;
		peak = Math.max(peak, open);
		await pause(delayMs);
		open--;
		return { status: 200, headers: {}, body: '' };
	};
	return { transport, starts, peak: () => peak };
}

export function describeLimiterContract(name: string, fresh: () => AccountLimiterStore): void {
	describe(`${name} account limiter store: the contract`, () => {
		test('the in-flight bound holds across adapters of one account', async () => {
			const store = fresh();
			const server = countingTransport(5);
			// Five "executions", each with its own adapter transport on the same account.
			const transports = Array.from({ length: 5 }, () => gatedTransport(server.transport, store.gateFor(account('t'), { inFlight: 3 })));
			await Promise.all(transports.flatMap((t) => Array.from({ length: 6 }, () => t({ method: 'POST', url: 'x' }))));
			expect(server.starts).toHaveLength(30);
			expect(server.peak()).toBe(3);
		});

		test('the rate holds across adapters: starts are spaced by at least 1/rate', async () => {
			const store = fresh();
			const server = countingTransport(0);
			const transports = Array.from({ length: 4 }, () => gatedTransport(server.transport, store.gateFor(account('t'), { requestsPerSecond: 20, inFlight: 10 })));
			await Promise.all(transports.flatMap((t) => Array.from({ length: 5 }, () => t({ method: 'POST', url: 'x' }))));
			const starts = [...server.starts].sort((a, b) => a - b);
			// 20 requests at 20/s: at least 19 intervals of 50 ms, less a little timer slack.
			expect(starts[19] - starts[0]).toBeGreaterThanOrEqual(19 * 50 - 20);
		});

		test('accounts do not share limits', async () => {
			const store = fresh();
			const server = countingTransport(30);
			const transports = ['a', 'b', 'c'].map((identity) => gatedTransport(server.transport, store.gateFor(account(identity), { inFlight: 1 })));
			await Promise.all(transports.map((t) => t({ method: 'POST', url: 'x' })));
			expect(server.peak()).toBe(3);
		});

		test('a failed request gives its place back', async () => {
			const store = fresh();
			const gate = store.gateFor(account('t'), { inFlight: 1 });
			const failing = gatedTransport(async () => {
				throw new Error('boom');
			}, gate);
			await expect(failing({ method: 'GET', url: 'x' })).rejects.toThrow('boom');
			const leave = await Promise.race([gate.enter(), pause(500).then(() => undefined)]);
			expect(leave).toBeInstanceOf(Function);
			leave?.();
		});

		test('leaving twice frees one place only', async () => {
			const store = fresh();
			const gate = store.gateFor(account('t'), { inFlight: 1 });
			const first = await gate.enter();
			const second = gate.enter();
			first();
			first();
			const leaveSecond = await second;
			const third = await Promise.race([gate.enter(), pause(300).then(() => 'still waiting' as const)]);
			expect(third).toBe('still waiting');
			leaveSecond();
		});
	});
}
