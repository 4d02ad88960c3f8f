/**
 * The A1 adapter under faults: retries only where repeating is safe, honouring the document's
 * delays and Retry-After, and never a second send of a message whose answer was lost.
 */
import { DEFAULT_RETRY_POLICY } from '../../../../nodes/core/adapter/retry';
import type { GatewayOptions, OutgoingSms, SendResult } from '../../../../nodes/core/adapter/GatewayAdapter';
import { gatewayUnderTest } from '../../../harness/gatewayUnderTest';

const SEND = '/api/sms/send';
const BALANCE = '/api/sms/balance';
const NOW = new Date('2025-03-01T10:00:00Z');

const subject = gatewayUnderTest('a1');
const ACCOUNT = subject.account;
const a1 = (options: GatewayOptions = {}, credentials: Record<string, unknown> = {}) => subject.build(credentials, { now: () => NOW, ...options });

const sms = (ref = 0, to = '+375291234567'): OutgoingSms => ({ ref, to, text: 'Code 4711', sender: 'MyShop' });
const sendRequests = () => subject.emulator.ledger.countRequests((r) => r.path === SEND);
const statusRequests = () => subject.emulator.ledger.countRequests((r) => r.path.startsWith('/api/sms/status/'));
const expectAcceptedOnce = (result: SendResult) => {
	expect(result.status.status).toBe('queued');
	expect(subject.emulator.ledger.messages.filter((m) => m.id === result.messageId)).toHaveLength(1);
	expect(subject.emulator.ledger.messages).toHaveLength(1);
};

describe('A1 retries', () => {
	it('retries HTTP 429 without Retry-After after the policy backoff', async () => {
		subject.emulator.faults.inject({ kind: 'http', status: 429, path: SEND });
		const [result] = await a1().send([sms()]);
		expectAcceptedOnce(result);
		expect(sendRequests()).toBe(2);
		expect(subject.sleeps).toEqual([DEFAULT_RETRY_POLICY.baseDelayMs]);
	});

	it('retries HTTP 429 after the Retry-After it gives', async () => {
		subject.emulator.faults.inject({ kind: 'http', status: 429, retryAfter: 7, path: SEND, times: 2 });
		const [result] = await a1().send([sms()]);
		expectAcceptedOnce(result);
		expect(sendRequests()).toBe(3);
		expect(subject.sleeps).toEqual([7000, 7000]);
	});

	it('waits the documented 60 s after code 3 (limit exceeded)', async () => {
		subject.emulator.faults.inject({ kind: 'gateway', code: 3, path: SEND });
		const [result] = await a1().send([sms()]);
		expectAcceptedOnce(result);
		expect(subject.sleeps).toEqual([60_000]);
	});

	it('gets past the emulator\'s own rate limit by waiting as code 3 says', async () => {
		subject.emulator.config.sendsPerSecond = 1;
		// The injected sleep moves the emulator's clock, so a 60 s wait really ends the limit window.
		const clockSleep = async (ms: number) => {
			subject.sleeps.push(ms);
			subject.emulator.advance(ms);
		};
		const results = await a1({ sleep: clockSleep }).send([sms(0), sms(1, '+375441234567')]);
		expect(results.map((r) => r.status.status)).toEqual(['queued', 'queued']);
		expect(subject.sleeps).toEqual([60_000]);
		expect(subject.emulator.ledger.messages).toHaveLength(2);
		expect(sendRequests()).toBe(3);
	});

	it('reports code 5 at once with default settings, saying when to retry', async () => {
		subject.emulator.faults.inject({ kind: 'gateway', code: 5, path: SEND });
		const [result] = await a1().send([sms()]);
		expect(result.status.status).toBe('failed');
		expect(result.error).toMatchObject({ code: 'unavailable', retryable: true, retryAfterSeconds: 300, maxAttempts: 3, gatewayCode: 5 });
		expect(result.error?.message).toContain('300 seconds');
		expect(result.error?.message).toContain('try again after 2025-03-01T10:05:00.000Z');
		expect(subject.sleeps).toEqual([]);
		expect(sendRequests()).toBe(1);
		expect(subject.emulator.ledger.messages).toHaveLength(0);
	});

	it('waits 300 s after code 5 when allowed, and stops at the documented 3 attempts', async () => {
		const patient = { retryPolicy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 10, maxWaitMs: 600_000 } };
		subject.emulator.faults.inject({ kind: 'gateway', code: 5, path: SEND, times: 5 });
		const [failed] = await a1(patient).send([sms()]);
		expect(failed.error).toMatchObject({ code: 'unavailable', gatewayCode: 5 });
		expect(sendRequests()).toBe(3);
		expect(subject.sleeps).toEqual([300_000, 300_000]);

		subject.emulator.reset();
		subject.sleeps.length = 0;
		subject.emulator.faults.inject({ kind: 'gateway', code: 5, path: SEND, times: 2 });
		const [result] = await a1(patient).send([sms()]);
		expectAcceptedOnce(result);
		expect(subject.sleeps).toEqual([300_000, 300_000]);
	});

	it('reads a code 5 that comes with HTTP 503', async () => {
		subject.emulator.faults.inject({ kind: 'gateway', code: 5, httpStatus: 503, path: BALANCE });
		await expect(a1().getBalance()).rejects.toMatchObject({ error: { code: 'unavailable', gatewayCode: 5 } });
	});

	it('retries HTTP 5xx and an HTML error page, then succeeds', async () => {
		subject.emulator.faults.inject({ kind: 'http', status: 500, path: SEND });
		subject.emulator.faults.inject({ kind: 'html', status: 502, path: SEND });
		const [result] = await a1().send([sms()]);
		expectAcceptedOnce(result);
		expect(sendRequests()).toBe(3);
		expect(subject.sleeps).toEqual([500, 1000]);
	});

	it('gives up on a persistent HTML error page with a readable unavailable error', async () => {
		subject.emulator.faults.inject({ kind: 'html', status: 502, times: 3 });
		await expect(a1().getBalance()).rejects.toMatchObject({
			error: { code: 'unavailable', gatewayCode: 502, message: expect.stringContaining('HTTP 502') },
		});
		expect(subject.emulator.ledger.requests).toHaveLength(3);
	});
});

describe('A1 sends whose answer is lost are never repeated', () => {
	it('a send answered too late is outcome_unknown, recorded once, sent once', async () => {
		subject.emulator.faults.inject({ kind: 'delay', ms: 1000, path: SEND });
		const [result] = await a1({ timeoutMs: 200 }).send([sms()]);
		expect(result.status.status).toBe('unknown');
		expect(result.error).toMatchObject({ code: 'outcome_unknown', retryable: false });
		expect(subject.emulator.ledger.messages).toHaveLength(1);
		expect(sendRequests()).toBe(1);
	});

	it.each([
		['a send whose connection drops after processing is outcome_unknown', 'resetAfterProcessing', 1],
		['a send whose connection is reset is not repeated either: the client cannot tell when it broke', 'reset', 0],
		['a cut-off answer to a send is outcome_unknown', 'malformed', 1],
	])('%s', async (_name, kind, recorded) => {
		subject.emulator.faults.inject({ kind, path: SEND });
		const [result] = await a1().send([sms()]);
		expect(result.error?.code).toBe('outcome_unknown');
		expect(subject.emulator.ledger.messages).toHaveLength(recorded);
		expect(sendRequests()).toBe(1);
	});

	it('a gateway timeout (504) on a send is outcome_unknown', async () => {
		subject.emulator.faults.inject({ kind: 'http', status: 504, path: SEND });
		const [result] = await a1().send([sms()]);
		expect(result.error?.code).toBe('outcome_unknown');
		expect(sendRequests()).toBe(1);
	});
});

describe('A1 reads are repeated after a lost or garbled answer', () => {
	async function sentId(): Promise<string> {
		const [result] = await a1().send([sms()]);
		return result.messageId as string;
	}

	it('a status read answered too late is retried', async () => {
		const id = await sentId();
		subject.emulator.faults.inject({ kind: 'delay', ms: 1000, path: `/api/sms/status/${id}` });
		const [result] = await a1({ timeoutMs: 200 }).getStatuses([id]);
		expect(result).toEqual({ messageId: id, status: { status: 'queued', final: false, raw: 'QUEUED' } });
		expect(statusRequests()).toBe(2);
	});

	it.each([
		['a status read whose connection is reset is retried', 'reset'],
		['a cut-off status answer is retried', 'malformed'],
	])('%s', async (_name, kind) => {
		const id = await sentId();
		subject.emulator.faults.inject({ kind, path: `/api/sms/status/${id}` });
		const [result] = await a1().getStatuses([id]);
		expect(result.status.status).toBe('queued');
		expect(result.error).toBeUndefined();
		expect(statusRequests()).toBe(2);
	});

	it('a status read limited with Retry-After waits as told', async () => {
		const id = await sentId();
		subject.emulator.faults.inject({ kind: 'http', status: 429, retryAfter: 3, path: `/api/sms/status/${id}` });
		await a1().getStatuses([id]);
		expect(subject.sleeps).toEqual([3000]);
	});

	it('a persistently failing status read becomes an error on that id only', async () => {
		const [first, second] = await a1().send([sms(0), sms(1, '+375441234567')]);
		const failing = first.messageId as string;
		subject.emulator.faults.inject({ kind: 'http', status: 503, path: `/api/sms/status/${failing}`, times: 3 });
		const results = await a1().getStatuses([failing, second.messageId as string]);
		expect(results[0]).toMatchObject({ messageId: failing, status: { status: 'unknown' }, error: { code: 'unavailable', gatewayCode: 503 } });
		expect(results[1]).toMatchObject({ status: { status: 'queued' } });
		expect(results[1].error).toBeUndefined();
		expect(statusRequests()).toBe(4);
	});

	it('a cut-off and an HTML balance answer are retried', async () => {
		subject.emulator.faults.inject({ kind: 'malformed', path: BALANCE });
		subject.emulator.faults.inject({ kind: 'html', status: 503, path: BALANCE });
		expect(await a1().getBalance()).toEqual({ amount: 12.5, unit: 'BYN' });
		expect(subject.emulator.ledger.requests).toHaveLength(3);
	});
});

describe('A1 batch with failures in part of it', () => {
	it('marks only the recipients whose requests failed; every recipient ends as exactly one result', async () => {
		subject.emulator.faults.inject({ kind: 'gateway', code: 5, path: SEND });
		subject.emulator.faults.inject({ kind: 'gateway', code: 2, path: SEND });
		const recipients = ['+375291111111', '+375292222222', '+375443333333', '+375334444444', '+375255555555', '+375171234567'];
		const results = await a1().send(recipients.map((to, ref) => sms(ref, to)));
		expect(results.map((r) => [r.ref, r.to])).toEqual(recipients.map((to, ref) => [ref, to]));
		const codes = results.map((r) => r.error?.code ?? 'ok').sort();
		expect(codes).toEqual(['insufficient_funds', 'invalid_number', 'ok', 'ok', 'ok', 'unavailable']);
		expect(subject.emulator.ledger.messages).toHaveLength(3);
		expect(sendRequests()).toBe(6);
	});
});

describe('A1 secrets', () => {
	it('never appear in results, error messages or request URLs', async () => {
		const basicCredentials = { authType: 'basic', username: ACCOUNT.username, password: ACCOUNT.password };
		const collected: unknown[] = [];
		subject.emulator.faults.inject({ kind: 'html', status: 502, path: SEND });
		subject.emulator.faults.inject({ kind: 'gateway', code: 5, path: SEND });
		collected.push(await a1().send([sms(0), sms(1, '+375171234567'), sms(2, '+375441234567')]));
		collected.push(await a1({}, basicCredentials).send([sms(3)]));
		collected.push(await a1({}, { token: 'wrong-token' }).send([sms(4)]));
		collected.push(await a1({}, { ...basicCredentials, password: 'wrong-password' }).getBalance().catch((e) => [e.message, e.error]));
		collected.push(await a1().getStatuses(['1000', 'nope']));
		subject.emulator.faults.inject({ kind: 'delay', ms: 1000, path: SEND });
		collected.push(await a1({ timeoutMs: 200 }).send([sms(5)]));

		const basicToken = Buffer.from(`${ACCOUNT.username}:${ACCOUNT.password}`).toString('base64');
		const secrets = [ACCOUNT.token, ACCOUNT.password, basicToken, 'wrong-token', 'wrong-password'];
		const output = JSON.stringify(collected);
		const urls = subject.emulator.ledger.requests.map((r) => `${r.path}${r.query}`).join('\n');
		expect(subject.emulator.ledger.requests.length).toBeGreaterThan(8);
		for (const secret of secrets) {
			expect(output).not.toContain(secret);
			expect(urls).not.toContain(secret);
		}
	});
});
