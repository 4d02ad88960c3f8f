import type { OutgoingSms, GatewayAdapter } from '../../../../nodes/core/adapter/GatewayAdapter';
import { gatewayUnderTest } from '../../../harness/gatewayUnderTest';

const subject = gatewayUnderTest('devino');
const { account: ACCOUNT, sleeps } = subject;

// Slow-answer tests use a short client timeout so that they stay fast.
const SHORT_TIMEOUT_MS = 100;
const SLOW_ANSWER = { kind: 'delay', ms: 400 };

const gateway = (timeoutMs = 2000): GatewayAdapter => subject.build({}, { timeoutMs });
const sms = (ref: number, to: string, text = 'Hello from n8n'): OutgoingSms => ({ ref, to, text, sender: 'MyShop' });
const count = subject.requestsTo;
const messageCount = () => subject.emulator.ledger.messages.length;
const inject = (fault: Record<string, unknown>) => subject.emulator.faults.inject(fault);

describe('retryable answers are retried, honouring hints, and nothing is sent twice', () => {
	test.each([
		['429 with Retry-After', { kind: 'http', status: 429, retryAfter: 7 }, [7000]],
		['429 without Retry-After', { kind: 'http', status: 429 }, [500]],
		['503 text page', { kind: 'http', status: 503, body: 'Service Unavailable' }, [500]],
		['502 HTML page', { kind: 'html', status: 502 }, [500]],
		['Devino code 8 (gateway error)', { kind: 'gateway', code: 8 }, [500]],
		['Devino code 9 (internal error), twice', { kind: 'gateway', code: 9, times: 2 }, [500, 1000]],
	])('%s on a send', async (_name, fault, expectedSleeps) => {
		inject({ path: '/sms/sendbulk', ...fault });
		const results = await gateway().send([sms(0, '+375291000001'), sms(1, '+375291000002')]);
		expect(results.map((r) => r.status.status)).toEqual(['queued', 'queued']);
		expect(results.every((r) => r.messageId && !r.error)).toBe(true);
		expect(sleeps).toEqual(expectedSleeps);
		expect(count('/sms/sendbulk')).toBe(expectedSleeps.length + 1);
		expect(messageCount()).toBe(2);
	});

	test('gives up after the policy allows, with the last error for every recipient', async () => {
		inject({ path: '/sms/send', kind: 'http', status: 503, times: 5 });
		const [result] = await gateway().send([sms(0, '+375291000001')]);
		expect(result).toMatchObject({ status: { status: 'failed' }, error: { code: 'unavailable', gatewayCode: 503 } });
		expect(count('/sms/send')).toBe(3);
		expect(sleeps).toEqual([500, 1000]);
		expect(messageCount()).toBe(0);
	});

	test('a wait longer than the policy allows is not done', async () => {
		inject({ path: '/sms/send', kind: 'http', status: 429, retryAfter: 3600 });
		const [result] = await gateway().send([sms(0, '+375291000001')]);
		expect(result.error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 3600 });
		expect(sleeps).toEqual([]);
		expect(count('/sms/send')).toBe(1);
	});

	test('not enough credits (code 5) is not retried', async () => {
		inject({ path: '/sms/send', kind: 'gateway', code: 5 });
		const [result] = await gateway().send([sms(0, '+375291000001')]);
		expect(result.error).toMatchObject({ code: 'insufficient_funds', gatewayCode: 5, retryable: false });
		expect(count('/sms/send')).toBe(1);
	});

	test('a refused session (code 4) gets a new session and one repeat', async () => {
		const gw = gateway();
		await gw.getBalance();
		inject({ path: '/sms/send', kind: 'gateway', code: 4 });
		const [result] = await gw.send([sms(0, '+375291000001')]);
		expect(result.messageId).toBeDefined();
		expect(count('/user/sessionid')).toBe(2);
		expect(count('/sms/send')).toBe(2);
		expect(messageCount()).toBe(1);
	});
});

describe('a send whose answer is lost or unreadable is never repeated', () => {
	test.each([
		['a slow answer past the client timeout', SLOW_ANSWER, 1],
		['the connection reset after processing', { kind: 'resetAfterProcessing' }, 1],
		['an answer cut in half', { kind: 'malformed' }, 1],
		['the connection reset before processing', { kind: 'reset' }, 0],
		['a 504 from the proxy in front', { kind: 'http', status: 504 }, 0],
		['ids that do not divide among the recipients', { kind: 'http', status: 200, body: '["1","2","3"]', contentType: 'application/json' }, 0],
	])('%s → outcome_unknown', async (_name, fault, recorded) => {
		inject({ path: '/sms/sendbulk', ...fault });
		const gw = gateway(fault === SLOW_ANSWER ? SHORT_TIMEOUT_MS : undefined);
		const results = await gw.send([sms(0, '+375291000001'), sms(1, '+375291000002')]);
		for (const result of results) {
			expect(result.status.status).toBe('unknown');
			expect(result.error?.code).toBe('outcome_unknown');
			expect(result.error?.retryable).toBe(false);
			expect(result.messageId).toBeUndefined();
		}
		expect(count('/sms/sendbulk')).toBe(1);
		expect(sleeps).toEqual([]);
		// Processed exactly once, or not at all: never twice.
		expect(messageCount()).toBe(2 * recorded);
	});
});

describe('reads are idempotent and retried', () => {
	test.each([
		['a slow answer', SLOW_ANSWER],
		['a reset', { kind: 'reset' }],
		['an answer cut in half', { kind: 'malformed' }],
		['an HTML error page', { kind: 'html' }],
		['Devino code 8', { kind: 'gateway', code: 8 }],
	])('%s on /sms/state', async (_name, fault) => {
		const gw = gateway(fault === SLOW_ANSWER ? SHORT_TIMEOUT_MS : undefined);
		const [sent] = await gw.send([sms(0, '+375291000001')]);
		inject({ path: '/sms/state', ...fault });
		const [status] = await gw.getStatuses([sent.messageId as string]);
		expect(status.error).toBeUndefined();
		expect(status.status.status).toBe('queued');
		expect(count('/sms/state')).toBe(2);
		expect(sleeps).toEqual([500]);
	});

	test('a slow balance answer is retried', async () => {
		inject({ path: '/user/balance', ...SLOW_ANSWER });
		expect(await gateway(SHORT_TIMEOUT_MS).getBalance()).toEqual({ amount: 100, unit: 'RUB' });
		expect(count('/user/balance')).toBe(2);
	});

	test('a status call that keeps failing marks only its own message', async () => {
		const gw = gateway();
		const sent = await gw.send([sms(0, '+375291000001'), sms(1, '+375291000002', 'Other text')]);
		inject({ path: '/sms/state', kind: 'http', status: 400, body: 'Bad Request' });
		const statuses = await gw.getStatuses(sent.map((r) => r.messageId as string));
		// A 400 is not retried: the one call that got it fails, the other is answered.
		const failed = statuses.filter((s) => s.error);
		expect(failed).toHaveLength(1);
		expect(failed[0].error?.code).toBe('bad_request');
		expect(failed[0].status.status).toBe('unknown');
		expect(count('/sms/state')).toBe(2);
		expect(statuses.filter((s) => s.status.status === 'queued')).toHaveLength(1);
	});

	test('a login that fails over and over is reported, not looped', async () => {
		inject({ path: '/user/sessionid', kind: 'gateway', code: 9, times: 10 });
		await expect(gateway().getBalance()).rejects.toMatchObject({ error: { code: 'unavailable', gatewayCode: 9 } });
		expect(count('/user/sessionid')).toBe(3);
	});
});

describe('partial failures and secrets', () => {
	test('a batch Devino accepts but fails for one recipient reports that recipient alone', async () => {
		inject({ path: '/sms/sendbulk', kind: 'partial', reject: ['375291000002'] });
		const gw = gateway();
		const sent = await gw.send([sms(0, '+375291000001'), sms(1, '+375291000002'), sms(2, '+375291000003')]);
		expect(sent.every((r) => r.messageId)).toBe(true);
		expect(messageCount()).toBe(3);
		const statuses = await gw.getStatuses(sent.map((r) => r.messageId as string));
		expect(statuses.map((s) => s.status.status)).toEqual(['queued', 'undelivered', 'queued']);
		expect(statuses[1].status.raw).toBe('11');
	});

	test('an answer that echoes the password or session id is scrubbed from the error', async () => {
		const gw = gateway();
		await gw.getBalance();
		const [sessionId] = [...(subject.emulator.state.store.sessions?.keys() ?? [])];
		inject({ path: '/sms/send', kind: 'http', status: 400, body: `bad request for ${ACCOUNT.password} session ${sessionId}` });
		const [result] = await gw.send([sms(0, '+375291000001')]);
		expect(result.error?.code).toBe('bad_request');
		const text = JSON.stringify(result);
		expect(text).not.toContain(ACCOUNT.password);
		expect(text).not.toContain(sessionId);
		expect(text).toContain('***');
	});
});
