/**
 * A1's fault rules with a batch fanned out at the credential's default 50 requests in flight:
 * code 3 waits the documented 60 s and retries, code 5 is reported at once, 429 and 5xx are
 * retried, and a send whose answer was lost is outcome_unknown and never sent again — while the
 * other recipients of the batch go through, each exactly once.
 */
import type { HttpTransport } from '../../../../nodes/core/adapter/http';
import type { OutgoingSms } from '../../../../nodes/core/adapter/GatewayAdapter';
import { DEFAULT_RETRY_POLICY } from '../../../../nodes/core/adapter/retry';
import { DEFAULT_CONCURRENCY } from '../../../../nodes/gateways/a1/limits';
import { gatewayUnderTest } from '../../../harness/gatewayUnderTest';

const SEND = '/api/sms/send';
const subject = gatewayUnderTest('a1');
const RECIPIENTS = 400;
const phone = (i: number) => `+37529${1_000_000 + i}`;
const sms = (ref: number): OutgoingSms => ({ ref, to: phone(ref), text: `Code ${ref}`, sender: 'MyShop', parts: 1 });

/** Faults the first requests of the batch meet (all of them land in the first wave of 50). */
const FAULTS = [
	{ fault: { kind: 'http', status: 429 }, times: 5, retried: true },
	{ fault: { kind: 'gateway', code: 3 }, times: 3, retried: true },
	{ fault: { kind: 'http', status: 500 }, times: 3, retried: true },
	{ fault: { kind: 'html', status: 502 }, times: 2, retried: true },
	{ fault: { kind: 'gateway', code: 5 }, times: 2, outcome: 'unavailable' },
	{ fault: { kind: 'gateway', code: 2 }, times: 1, outcome: 'insufficient_funds' },
	{ fault: { kind: 'resetAfterProcessing' }, times: 3, outcome: 'outcome_unknown' },
	{ fault: { kind: 'reset' }, times: 2, outcome: 'outcome_unknown' },
	{ fault: { kind: 'malformed' }, times: 2, outcome: 'outcome_unknown' },
	{ fault: { kind: 'http', status: 504 }, times: 2, outcome: 'outcome_unknown' },
] as const;

/** The emulator has recorded the batch's first wave of sends (it takes faults in that order, after its latency). */
async function firstWaveArrived(): Promise<void> {
	while (subject.emulator.ledger.countRequests((r) => r.path === SEND) < DEFAULT_CONCURRENCY) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe(`A1 under faults with ${DEFAULT_CONCURRENCY} requests in flight`, () => {
	it('keeps the code 3/5 policy and the outcome_unknown rules, and sends every other recipient once', async () => {
		subject.emulator.state.latencyMs = 20;
		// The demo account's balance pays for a few messages; this batch needs more.
		subject.emulator.config.balance = 1e9;
		for (const { fault, times } of FAULTS) subject.emulator.faults.inject({ ...fault, times, path: SEND });
		let inFlight = 0;
		let maxInFlight = 0;
		const tried = new Set<string>();
		const counting: HttpTransport = async (request) => {
			maxInFlight = Math.max(maxInFlight, ++inFlight);
			try {
				// The faults are meant for the first wave: a retry (the sleep is not real) or a later send
				// waits until the whole wave has reached the emulator, or on a slow machine it could meet
				// one of them first.
				const to = String(JSON.parse(request.body ?? '{}').phone);
				if (tried.has(to) || tried.size >= DEFAULT_CONCURRENCY) await firstWaveArrived();
				tried.add(to);
				return await subject.transport(request);
			} finally {
				inFlight--;
			}
		};
		const messages = Array.from({ length: RECIPIENTS }, (_, i) => sms(i));
		const results = await subject.build({}, {}, counting).send(messages);

		expect(maxInFlight).toBe(DEFAULT_CONCURRENCY);
		// Every recipient ends as exactly one result, in input order.
		expect(results.map((r) => [r.ref, r.to])).toEqual(messages.map((m) => [m.ref, m.to]));

		const byOutcome = new Map<string, number[]>();
		for (const result of results) {
			const outcome = result.error?.code ?? result.status.status;
			byOutcome.set(outcome, [...(byOutcome.get(outcome) ?? []), result.ref]);
		}
		const expected = (code: string) => FAULTS.filter((f) => 'outcome' in f && f.outcome === code).reduce((sum, f) => sum + f.times, 0);
		expect(byOutcome.get('outcome_unknown')?.length).toBe(expected('outcome_unknown'));
		expect(byOutcome.get('unavailable')?.length).toBe(expected('unavailable'));
		expect(byOutcome.get('insufficient_funds')?.length).toBe(expected('insufficient_funds'));
		const failed = expected('outcome_unknown') + expected('unavailable') + expected('insufficient_funds');
		expect(byOutcome.get('queued')?.length).toBe(RECIPIENTS - failed);

		// Requests per recipient: a failed send was tried once (never repeated); a retried one more often.
		const requestsTo = new Map<string, number>();
		for (const request of subject.emulator.ledger.requests.filter((r) => r.path === SEND)) {
			const to = JSON.parse(request.body).phone as string;
			requestsTo.set(to, (requestsTo.get(to) ?? 0) + 1);
		}
		for (const ref of [...byOutcome.get('outcome_unknown')!, ...byOutcome.get('unavailable')!, ...byOutcome.get('insufficient_funds')!]) {
			expect([ref, requestsTo.get(phone(ref).slice(1))]).toEqual([ref, 1]);
		}
		const retries = FAULTS.filter((f) => 'retried' in f).reduce((sum, f) => sum + f.times, 0);
		expect(subject.emulator.ledger.countRequests((r) => r.path === SEND)).toBe(RECIPIENTS + retries);

		// No recipient's message was accepted twice; every queued one was accepted once.
		const accepted = new Map<string, number>();
		for (const message of subject.emulator.ledger.messages) accepted.set(message.to, (accepted.get(message.to) ?? 0) + 1);
		expect([...accepted.values()].every((count) => count === 1)).toBe(true);
		for (const ref of byOutcome.get('queued')!) expect(accepted.get(phone(ref).slice(1))).toBe(1);

		// The documented waits: 60 s after each code 3, the policy's backoff after 429 and 5xx.
		expect(subject.sleeps.filter((ms) => ms === 60_000)).toHaveLength(3);
		expect(subject.sleeps.filter((ms) => ms !== 60_000).every((ms) => ms >= DEFAULT_RETRY_POLICY.baseDelayMs && ms <= DEFAULT_RETRY_POLICY.maxWaitMs)).toBe(true);
		expect(subject.sleeps).toHaveLength(retries);
	});

	it('takes Max Concurrent Requests from the credential, and refuses a value that is not 1-200', () => {
		expect(subject.build({ maxConcurrentRequests: 120 }).limits.concurrency).toBe(120);
		expect(subject.build({}).limits.concurrency).toBe(DEFAULT_CONCURRENCY);
		for (const bad of [0, 201, 2.5, -1, 'many', true]) {
			expect(() => subject.build({ maxConcurrentRequests: bad })).toThrow(/Max Concurrent Requests in the credential must be a whole number from 1 to 200/);
		}
	});
});
