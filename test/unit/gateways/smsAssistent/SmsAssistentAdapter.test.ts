import fc from 'fast-check';
import { SmsGatewayError } from '../../../../nodes/core/errors/SmsError';
import { smsAssistentDefinition } from '../../../../nodes/gateways/smsAssistent/definition';
import { SmsAssistentAdapter } from '../../../../nodes/gateways/smsAssistent/SmsAssistentAdapter';
import type { GatewayOptions, OutgoingSms, GatewayAdapter } from '../../../../nodes/core/adapter/GatewayAdapter';
import { gatewayUnderTest } from '../../../harness/gatewayUnderTest';

type ApiFormat = 'json' | 'xml';

const subject = gatewayUnderTest('smsAssistent');
const { account: ACCOUNT, transport } = subject;

const PHONE = ['+375291234567', '+375331112233', '+375447654321', '+375256667788', '+375299990011'];
const digits = (e164: string) => e164.slice(1);

function setup(apiFormat: ApiFormat, credentials: Record<string, unknown> = {}, options: GatewayOptions = {}) {
	const gateway: GatewayAdapter = subject.build(
		{ apiFormat, ...credentials },
		{ now: () => new Date(subject.emulator.state.now()), timeoutMs: 2000, ...options },
	);
	return { gateway, sleeps: subject.sleeps };
}

function sms(ref: number, to = PHONE[ref % PHONE.length], text = 'Your code is 1234', extra: Partial<OutgoingSms> = {}): OutgoingSms {
	return { ref, to, text, sender: 'MyShop', ...extra };
}

const apiRequests = (apiFormat: ApiFormat) => subject.emulator.ledger.requests.filter((r) => r.path === `/api/v1/${apiFormat}`);
const sendRequests = (apiFormat: ApiFormat) =>
	apiRequests(apiFormat).filter((r) => (apiFormat === 'json' ? r.body.includes('"sms_send"') : r.body.includes('<message>')));
const statusRequests = (apiFormat: ApiFormat) =>
	apiRequests(apiFormat).filter((r) => (apiFormat === 'json' ? r.body.includes('"statuses"') : r.body.includes('<status>')));

/** No secret in any URL the gateway saw, nor in anything we hand back. */
function expectNoSecretLeaks(...values: unknown[]) {
	const secrets = [ACCOUNT.password, ACCOUNT.token, 'wrong-pass-123', 'wrong-token-123'];
	for (const request of subject.emulator.ledger.requests) {
		for (const secret of secrets) expect(`${request.path}${request.query}`).not.toContain(secret);
	}
	const text = JSON.stringify(values, (_k, v) => (v instanceof Error ? { ...v, message: v.message } : v));
	for (const secret of secrets) expect(text).not.toContain(secret);
}

describe.each<ApiFormat>(['json', 'xml'])('SMS-assistent gateway over %s', (apiFormat) => {
	it('sends one message and reports the gateway id and parts', async () => {
		const { gateway } = setup(apiFormat);
		const [result] = await gateway.send([sms(7)]);
		const [message] = subject.emulator.ledger.messages;
		expect(result).toMatchObject({ ref: 7, to: PHONE[2], messageId: message.id, parts: 1, status: { status: 'queued', final: false } });
		expect(message).toMatchObject({ to: digits(PHONE[2]), text: 'Your code is 1234', sender: 'MyShop', parts: 1 });
		expect(sendRequests(apiFormat)).toHaveLength(1);
		expectNoSecretLeaks(result);
	});

	it('sends 2001 recipients in the fewest packages (3 of at most 1000), each message once, in input order', async () => {
		subject.emulator.config.balance = 10_000;
		const { gateway } = setup(apiFormat);
		const messages = Array.from({ length: 2001 }, (_, i) => sms(i, `+37529${String(1_000_000 + i)}`, 'Sale today'));
		const results = await gateway.send(messages);
		expect(sendRequests(apiFormat)).toHaveLength(3);
		expect(results).toHaveLength(2001);
		results.forEach((r, i) => expect(r).toMatchObject({ ref: i, to: messages[i].to, status: { status: 'queued' } }));
		const ids = results.map((r) => r.messageId);
		expect(new Set(ids).size).toBe(2001);
		expect(subject.emulator.ledger.messages).toHaveLength(2001);
		for (const r of results.slice(0, 50)) expect(subject.emulator.ledger.findMessage(r.messageId).to).toBe(digits(r.to));
		// The shared text travels once per package, in the defaults.
		expect(sendRequests(apiFormat)[0].body.split('Sale today')).toHaveLength(2);
	});

	it('keeps different texts and senders per recipient in one package', async () => {
		const { gateway } = setup(apiFormat);
		const results = await gateway.send([sms(0, PHONE[0], 'First'), sms(1, PHONE[1], 'Second', { sender: 'Test-Shop' }), sms(2, PHONE[2], 'Third')]);
		expect(sendRequests(apiFormat)).toHaveLength(1);
		expect(results.map((r) => subject.emulator.ledger.findMessage(r.messageId!)).map((m) => [m.to, m.text, m.sender])).toEqual([
			[digits(PHONE[0]), 'First', 'MyShop'],
			[digits(PHONE[1]), 'Second', 'Test-Shop'],
			[digits(PHONE[2]), 'Third', 'MyShop'],
		]);
	});

	it('carries text with markup characters, quotes and Cyrillic unchanged and counts its parts', async () => {
		const { gateway } = setup(apiFormat);
		const text = `Привет <b>"Клиент"</b> & 'друг' — скидка 10% > 5; ${'ж'.repeat(60)}`;
		const [result] = await gateway.send([sms(0, PHONE[0], text)]);
		const message = subject.emulator.ledger.findMessage(result.messageId!);
		expect(message.text).toBe(text);
		expect(result.parts).toBe(message.parts);
		expect(result.parts).toBe(2);
		const body = sendRequests(apiFormat)[0].body;
		if (apiFormat === 'xml') expect(body).toContain('&lt;b&gt;&quot;Клиент&quot;&lt;/b&gt; &amp; &apos;друг&apos;');
		else expect(JSON.parse(body).message.default.sms_text).toBe(text);
	});

	it('reports per-recipient refusals only for those recipients', async () => {
		const { gateway } = setup(apiFormat);
		const results = await gateway.send([sms(0, PHONE[0]), sms(1, PHONE[1], 'x', { sender: 'myshop' }), sms(2, '+37512345'), sms(3, PHONE[3])]);
		expect(sendRequests(apiFormat)).toHaveLength(1);
		expect(results[0].messageId).toBeDefined();
		expect(results[1]).toMatchObject({ ref: 1, status: { status: 'failed' }, error: { code: 'invalid_sender', gatewayCode: -5 } });
		expect(results[2]).toMatchObject({ ref: 2, status: { status: 'failed' }, error: { code: 'invalid_number', gatewayCode: -4 } });
		expect(results[1].messageId).toBeUndefined();
		expect(results[3].messageId).toBeDefined();
		expect(subject.emulator.ledger.messages).toHaveLength(2);
	});

	it('follows statuses from queued through sent to each configured outcome', async () => {
		const { gateway } = setup(apiFormat);
		subject.emulator.setOutcome(digits(PHONE[1]), 'undelivered');
		subject.emulator.setOutcome(digits(PHONE[2]), 'expired');
		subject.emulator.setOutcome(digits(PHONE[3]), 'rejected');
		subject.emulator.setOutcome(digits(PHONE[4]), 'failed');
		const sent = await gateway.send(PHONE.map((to, i) => sms(i, to)));
		const ids = sent.map((r) => r.messageId!);

		const queued = await gateway.getStatuses(ids);
		expect(queued.map((s) => s.status.raw)).toEqual(Array(5).fill('Queued'));
		expect(queued.map((s) => s.status.status)).toEqual(Array(5).fill('queued'));

		subject.emulator.advance(1500);
		expect((await gateway.getStatuses(ids)).map((s) => s.status.status)).toEqual(Array(5).fill('sent'));

		subject.emulator.advance(5000);
		const final = await gateway.getStatuses(ids);
		expect(final.map((s) => [s.messageId, s.status.raw, s.status.status, s.status.final, s.parts])).toEqual([
			[ids[0], 'Delivered', 'delivered', true, 1],
			[ids[1], 'Rejected', 'undelivered', true, 1],
			[ids[2], 'Expired', 'expired', true, 1],
			[ids[3], 'Rejected', 'undelivered', true, 1],
			[ids[4], 'Failed', 'failed', true, 1],
		]);
		expect(statusRequests(apiFormat)).toHaveLength(3);
	});

	it('answers every id in order, including unknown and malformed ones', async () => {
		const { gateway } = setup(apiFormat);
		const [sent] = await gateway.send([sms(0)]);
		const results = await gateway.getStatuses(['999999', sent.messageId!, 'abc']);
		expect(results.map((r) => r.messageId)).toEqual(['999999', sent.messageId, 'abc']);
		expect(results[0].status).toEqual({ status: 'unknown', final: false, raw: 'Unknown' });
		expect(results[1].status.status).toBe('queued');
		expect(results[2]).toMatchObject({ status: { status: 'unknown' }, error: { code: 'invalid_message_id', gatewayCode: -11 } });
	});

	it('schedules in Minsk time, one package per send time, and refuses a time under 10 minutes locally', async () => {
		const { gateway } = setup(apiFormat);
		const now = subject.emulator.state.now();
		const in30 = new Date(now + 30 * 60_000);
		const in60 = new Date(now + 60 * 60_000);
		const results = await gateway.send([
			sms(0, PHONE[0], 'a', { sendAt: in30 }),
			sms(1, PHONE[1], 'b'),
			sms(2, PHONE[2], 'c', { sendAt: in60 }),
			sms(3, PHONE[3], 'd', { sendAt: in30 }),
			sms(4, PHONE[4], 'e', { sendAt: new Date(now + 5 * 60_000) }),
		]);
		expect(sendRequests(apiFormat)).toHaveLength(3);
		expect(results.map((r) => r.status.status)).toEqual(['scheduled', 'queued', 'scheduled', 'scheduled', 'failed']);
		expect(results[4].error).toMatchObject({ code: 'invalid_schedule', retryable: false });
		const ceilMinute = (d: Date) => Math.ceil(d.getTime() / 60_000) * 60_000;
		expect(subject.emulator.ledger.findMessage(results[0].messageId!).sendAt).toBe(ceilMinute(in30));
		expect(subject.emulator.ledger.findMessage(results[2].messageId!).sendAt).toBe(ceilMinute(in60));
		expect(subject.emulator.ledger.messages).toHaveLength(4);
		const statuses = await gateway.getStatuses([results[0].messageId!]);
		expect(statuses[0].status.status).toBe('queued');
	});

	it('sends validity in the unit of the API and the gateway caps it at 48 hours', async () => {
		const { gateway } = setup(apiFormat);
		const results = await gateway.send([sms(0, PHONE[0], 'a', { validityMinutes: 90 }), sms(1, PHONE[1], 'b', { validityMinutes: 72 * 60 })]);
		const stored = results.map((r) => subject.emulator.ledger.findMessage(r.messageId!).validityMinutes);
		// JSON counts whole hours (90 min → 2 h); XML counts seconds.
		expect(stored).toEqual([apiFormat === 'json' ? 120 : 90, 48 * 60]);
	});

	it('authenticates with the API token in a header and no password anywhere', async () => {
		const { gateway } = setup(apiFormat, { authMethod: 'token', token: ACCOUNT.token, password: '' });
		const [result] = await gateway.send([sms(0)]);
		expect(result.messageId).toBeDefined();
		expect((await gateway.getStatuses([result.messageId!]))[0].status.status).toBe('queued');
		expect(await gateway.getBalance()).toEqual({ amount: 499, unit: 'credits' });
		for (const request of subject.emulator.ledger.requests) {
			expect(request.headers.requestauthtoken).toBe(ACCOUNT.token);
			expect(request.body).not.toContain(ACCOUNT.password);
			expect(request.body).toContain(ACCOUNT.login);
		}
	});

	it('marks every recipient with a wrong password, sends once, and never shows the secret', async () => {
		const { gateway, sleeps } = setup(apiFormat, { password: 'wrong-pass-123' });
		const results = await gateway.send([sms(0), sms(1)]);
		for (const r of results) expect(r).toMatchObject({ status: { status: 'failed' }, error: { code: 'auth_failed', gatewayCode: -2, retryable: false } });
		expect(sendRequests(apiFormat)).toHaveLength(1);
		expect(sleeps).toEqual([]);
		const balanceError = await gateway.getBalance().catch((e) => e);
		expect(balanceError).toBeInstanceOf(SmsGatewayError);
		expect(balanceError.error.code).toBe('auth_failed');
		expectNoSecretLeaks(results, balanceError);
	});

	it('reports missing funds for the whole package and sends nothing', async () => {
		subject.emulator.config.balance = 1;
		const { gateway } = setup(apiFormat);
		const results = await gateway.send([sms(0), sms(1)]);
		for (const r of results) expect(r.error).toMatchObject({ code: 'insufficient_funds', gatewayCode: -1 });
		expect(subject.emulator.ledger.messages).toHaveLength(0);
	});

	it('retries the gateway\'s own "service unavailable" (-10) and then sends once', async () => {
		const { gateway, sleeps } = setup(apiFormat);
		subject.emulator.faults.inject({ kind: 'gateway', code: -10, path: `/api/v1/${apiFormat}` });
		const results = await gateway.send([sms(0), sms(1)]);
		expect(results.every((r) => r.messageId)).toBe(true);
		expect(sendRequests(apiFormat)).toHaveLength(2);
		expect(sleeps).toEqual([500]);
		expect(subject.emulator.ledger.messages).toHaveLength(2);
	});

	it('marks only the refused messages of a partly failed package', async () => {
		const { gateway } = setup(apiFormat);
		subject.emulator.faults.inject({ kind: 'partial', path: `/api/v1/${apiFormat}` });
		const results = await gateway.send([sms(0), sms(1), sms(2), sms(3)]);
		expect(results.map((r) => Boolean(r.messageId))).toEqual([true, false, true, false]);
		expect(results[1].error).toMatchObject({ code: 'bad_request', gatewayCode: -12 });
		expect(subject.emulator.ledger.messages).toHaveLength(2);
		expect(sendRequests(apiFormat)).toHaveLength(1);
	});
});

describe('SMS-assistent gateway: balance and senders', () => {
	it('reads the balance from credits/plain with the password in the POST body', async () => {
		const { gateway } = setup('json');
		await gateway.send([sms(0), sms(1, PHONE[1], 'ж'.repeat(80))]);
		expect(await gateway.getBalance()).toEqual({ amount: 500 - 1 - 2, unit: 'credits' });
		const request = subject.emulator.ledger.requests.find((r) => r.path === '/api/v1/credits/plain');
		if (!request) throw new Error('no balance request reached the emulator');
		expect(request.method).toBe('POST');
		expect(request.query).toBe('');
		expect(new URLSearchParams(request.body).get('password')).toBe(ACCOUNT.password);
	});

	it.each<ApiFormat>(['json', 'xml'])('lists the registered senders (%s credential)', async (apiFormat) => {
		const { gateway } = setup(apiFormat);
		expect(await gateway.listSenders()).toEqual(['CMC', 'MyShop', 'Test-Shop']);
	});

	it('describes its limits truthfully', () => {
		const { gateway } = setup('json');
		expect(gateway.limits).toMatchObject({ maxRecipientsPerRequest: 1000, concurrency: 2, minScheduleLeadMinutes: 10, maxValidityMinutes: 2880, supportsSenderList: true });
	});
});

describe('SMS-assistent gateway: transport faults', () => {
	const path = '/api/v1/json';

	it('waits as long as Retry-After says on 429 and sends each message once', async () => {
		const { gateway, sleeps } = setup('json');
		subject.emulator.faults.inject({ kind: 'http', status: 429, retryAfter: 7, path });
		const results = await gateway.send([sms(0), sms(1)]);
		expect(results.every((r) => r.messageId)).toBe(true);
		expect(sleeps).toEqual([7000]);
		expect(sendRequests('json')).toHaveLength(2);
		expect(subject.emulator.ledger.messages).toHaveLength(2);
	});

	it('backs off by the policy on 429 without Retry-After', async () => {
		const { gateway, sleeps } = setup('json');
		subject.emulator.faults.inject({ kind: 'http', status: 429, path, times: 2 });
		const results = await gateway.send([sms(0)]);
		expect(results[0].messageId).toBeDefined();
		expect(sleeps).toEqual([500, 1000]);
		expect(subject.emulator.ledger.messages).toHaveLength(1);
	});

	it('gives up after the policy\'s attempts and reports rate_limited', async () => {
		const { gateway } = setup('json');
		subject.emulator.faults.inject({ kind: 'http', status: 429, path, times: 5 });
		const [result] = await gateway.send([sms(0)]);
		expect(result.error).toMatchObject({ code: 'rate_limited', gatewayCode: 429 });
		expect(sendRequests('json')).toHaveLength(3);
		expect(subject.emulator.ledger.messages).toHaveLength(0);
	});

	it.each([
		['a 503', { kind: 'http', status: 503 }],
		['an HTML 502 page', { kind: 'html', status: 502 }],
	])('retries %s and then sends once', async (_name, fault) => {
		const { gateway } = setup('json');
		subject.emulator.faults.inject({ ...fault, path });
		const results = await gateway.send([sms(0), sms(1)]);
		expect(results.every((r) => r.messageId)).toBe(true);
		expect(subject.emulator.ledger.messages).toHaveLength(2);
	});

	it('does not retry a blocked account (-13)', async () => {
		const { gateway, sleeps } = setup('json');
		subject.emulator.faults.inject({ kind: 'gateway', code: -13, path });
		const [result] = await gateway.send([sms(0)]);
		expect(result.error).toMatchObject({ code: 'blocked', gatewayCode: -13 });
		expect(sleeps).toEqual([]);
	});

	it.each([
		['an answer slower than the timeout', { kind: 'delay', ms: 800 }, 1],
		['an answer lost after processing', { kind: 'resetAfterProcessing' }, 1],
		['a half answer', { kind: 'malformed' }, 1],
		['a connection reset', { kind: 'reset' }, 0],
	])('treats %s to a send as outcome_unknown and never sends again', async (_name, fault, accepted) => {
		const { gateway, sleeps } = setup('json', {}, { timeoutMs: 300 });
		subject.emulator.faults.inject({ ...fault, path });
		const results = await gateway.send([sms(0), sms(1)]);
		for (const r of results) expect(r).toMatchObject({ status: { status: 'unknown' }, error: { code: 'outcome_unknown', retryable: false } });
		expect(sendRequests('json')).toHaveLength(1);
		expect(subject.emulator.ledger.messages).toHaveLength(2 * accepted);
		expect(sleeps).toEqual([]);
		expectNoSecretLeaks(results);
	});

	it.each([
		['an answer slower than the timeout', { kind: 'delay', ms: 800 }],
		['a connection reset', { kind: 'reset' }],
		['a half answer', { kind: 'malformed' }],
		['an HTML 502 page', { kind: 'html' }],
	])('retries %s to a status request', async (_name, fault) => {
		const { gateway } = setup('json', {}, { timeoutMs: 300 });
		const [sent] = await gateway.send([sms(0)]);
		subject.emulator.faults.inject({ ...fault, path });
		const [status] = await gateway.getStatuses([sent.messageId!]);
		expect(status).toMatchObject({ messageId: sent.messageId, status: { status: 'queued' } });
		expect(status.error).toBeUndefined();
		expect(statusRequests('json')).toHaveLength(2);
	});

	it('retries a garbled balance answer and reports a persistent one as unavailable', async () => {
		const { gateway } = setup('json');
		subject.emulator.faults.inject({ kind: 'html', path: '/api/v1/credits/plain' });
		expect(await gateway.getBalance()).toEqual({ amount: 500, unit: 'credits' });
		subject.emulator.faults.inject({ kind: 'http', status: 200, body: 'oops', path: '/api/v1/credits/plain', times: 3 });
		await expect(gateway.getBalance()).rejects.toMatchObject({ error: { code: 'unavailable' } });
	});

	it('fails a status chunk as a whole when the gateway stays down, one result per id', async () => {
		const { gateway } = setup('json');
		subject.emulator.faults.inject({ kind: 'gateway', code: -10, path, times: 3 });
		const results = await gateway.getStatuses(['1', '2']);
		expect(results).toEqual([
			expect.objectContaining({ messageId: '1', error: expect.objectContaining({ code: 'unavailable', gatewayCode: -10 }) }),
			expect.objectContaining({ messageId: '2', error: expect.objectContaining({ code: 'unavailable', gatewayCode: -10 }) }),
		]);
	});
});

describe('SMS-assistent gateway: one result per recipient', () => {
	it('answers any mix of good, refused, scheduled and too-early messages with exactly one result each, in order', async () => {
		const message = fc.record({
			to: fc.constantFrom(...PHONE, '+37512345', '+4915112345678'),
			text: fc.constantFrom('Hi', 'Привет & <b>', ''),
			sender: fc.constantFrom('MyShop', 'CMC', 'Nobody', undefined),
			delayMinutes: fc.constantFrom(undefined, 5, 15, 45),
		});
		await fc.assert(
			fc.asyncProperty(fc.array(message, { maxLength: 12 }), fc.constantFrom<ApiFormat>('json', 'xml'), async (specs, apiFormat) => {
				subject.emulator.reset();
				const { gateway } = setup(apiFormat);
				const now = subject.emulator.state.now();
				const messages = specs.map((m, i) => ({
					ref: 100 + i,
					to: m.to,
					text: m.text,
					sender: m.sender,
					sendAt: m.delayMinutes === undefined ? undefined : new Date(now + m.delayMinutes * 60_000),
				}));
				const results = await gateway.send(messages);
				expect(results.map((r) => [r.ref, r.to])).toEqual(messages.map((m) => [m.ref, m.to]));
				for (const r of results) expect(Boolean(r.messageId) !== Boolean(r.error)).toBe(true);
				const accepted = results.filter((r) => r.messageId).map((r) => r.messageId);
				expect(subject.emulator.ledger.messages.map((m) => m.id).sort()).toEqual([...accepted].sort());
			}),
			{ numRuns: 25 },
		);
	});
});

describe('SMS-assistent recipient spelling', () => {
	it.each<ApiFormat>(['json', 'xml'])('can send the vendor clients\' "recepient" field instead (%s)', async (apiFormat) => {
		const gateway = new SmsAssistentAdapter(
			{ baseUrl: `${subject.emulator.url}/api/v1`, apiFormat, auth: { login: ACCOUNT.login, password: ACCOUNT.password }, recipientField: 'recepient' },
			transport,
		);
		const [result] = await gateway.send([sms(0)]);
		expect(subject.emulator.ledger.findMessage(result.messageId).to).toBe(digits(PHONE[0]));
		expect(sendRequests(apiFormat)[0].body).toContain('recepient');
		expect(sendRequests(apiFormat)[0].body).not.toContain('recipient');
	});
});

describe('SMS-assistent definition', () => {
	it('refuses a plain-http base URL that is not loopback', () => {
		expect(() => smsAssistentDefinition.create({ login: 'a', password: 'b', baseUrl: 'http://example.com/api/v1' }, transport)).toThrow(SmsGatewayError);
	});

	it('refuses a credential without the secret its method needs', () => {
		expect(() => smsAssistentDefinition.create({ login: 'a', authMethod: 'token', password: 'b' }, transport)).toThrow(/API token/);
		expect(() => smsAssistentDefinition.create({ login: 'a', authMethod: 'password' }, transport)).toThrow(/password/);
	});

	it('uses the documented default base URL', async () => {
		const seen: string[] = [];
		const gateway = smsAssistentDefinition.create({ login: 'a', password: 'b' }, async (request) => {
			seen.push(request.url);
			return { status: 200, headers: {}, body: '12.5' };
		});
		expect(await gateway.getBalance()).toEqual({ amount: 12.5, unit: 'credits' });
		expect(seen).toEqual(['https://userarea.sms-assistent.by/api/v1/credits/plain']);
	});
});
