import { SmsGatewayError } from '../../../../nodes/core/errors/SmsError';
import type { OutgoingSms, GatewayAdapter } from '../../../../nodes/core/adapter/GatewayAdapter';
import { DEFAULT_RETRY_POLICY, realSleep } from '../../../../nodes/core/adapter/retry';
import { smsClubDefinition } from '../../../../nodes/gateways/smsClub/definition';
import { gatewayUnderTest } from '../../../harness/gatewayUnderTest';

const subject = gatewayUnderTest('smsClub');
const TOKEN = subject.account.token;

afterEach(() => {
	// The token travels only in the Authorization header, never in a URL, query or body.
	for (const request of subject.emulator.ledger.requests) {
		expect(`${request.path}${request.query}${request.body}`).not.toContain(TOKEN);
	}
});

/**
 * The same sleep paces requests (125 ms slots at 8 a second) and waits between retries (backoff
 * from 500 ms, or the gateway's hint). Tests here queue at most three requests, so waits of 500 ms
 * or more are retry waits.
 */
const MIN_RETRY_WAIT_MS = DEFAULT_RETRY_POLICY.baseDelayMs;

/** Retry waits asked for; the recording sleep returns at once, so retry tests are instant. */
const retryWaits = () => subject.sleeps.filter((ms) => ms >= MIN_RETRY_WAIT_MS);

function gateway(options: { timeoutMs?: number; token?: string; realWaits?: boolean } = {}): GatewayAdapter {
	const realWaits = async (ms: number) => {
		await subject.sleep(ms);
		await realSleep(ms);
	};
	return subject.build(options.token ? { token: options.token } : {}, {
		timeoutMs: options.timeoutMs ?? 2000,
		...(options.realWaits ? { sleep: realWaits } : {}),
	});
}

const sendRequests = () => subject.emulator.ledger.requests.filter((r) => r.path === '/sms/send');
const statusRequests = () => subject.emulator.ledger.requests.filter((r) => r.path === '/sms/status');

function sms(ref: number, to: string, text = 'Order 42 is ready', extra: Partial<OutgoingSms> = {}): OutgoingSms {
	return { ref, to, text, sender: 'VashZakaz', ...extra };
}

/** n distinct Ukrainian mobile numbers. */
const numbers = (n: number, prefix = '38050') => Array.from({ length: n }, (_, i) => `+${prefix}${String(1000000 + i)}`);

describe('SMSClub adapter: send', () => {
	it('sends one message as digits without the plus, with the token in the header', async () => {
		const [result] = await gateway().send([sms(7, '+380989361131')]);
		expect(result).toMatchObject({ ref: 7, to: '+380989361131', parts: 1, status: { status: 'queued', final: false } });
		expect(result.error).toBeUndefined();
		expect(result.messageId).toBe(String(subject.emulator.ledger.messages[0].id));
		const [request] = sendRequests();
		expect(JSON.parse(request.body)).toEqual({ phone: ['380989361131'], message: 'Order 42 is ready', src_addr: 'VashZakaz' });
		expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(request.headers['content-type']).toBe('application/json');
	});

	it('counts parts of a long Cyrillic text', async () => {
		const [result] = await gateway().send([sms(0, '+380989361131', 'Ж'.repeat(71))]);
		expect(result.parts).toBe(2);
		expect(subject.emulator.ledger.messages[0].parts).toBe(2);
	});

	it('sends 250 recipients of one text in the minimum of 3 requests, results in input order', async () => {
		const to = numbers(250);
		const results = await gateway().send(to.map((phone, i) => sms(i, phone)));
		expect(sendRequests()).toHaveLength(3);
		expect(results.map((r) => r.ref)).toEqual(to.map((_, i) => i));
		expect(results.map((r) => r.to)).toEqual(to);
		expect(results.every((r) => r.status.status === 'queued' && r.messageId)).toBe(true);
		expect(new Set(results.map((r) => r.messageId)).size).toBe(250);
		expect(subject.emulator.ledger.messages).toHaveLength(250);
		// Each id points at the message for that very number.
		for (const result of results) {
			const message = subject.emulator.ledger.messages.find((m) => m.id === result.messageId);
			expect(`+${message?.to}`).toBe(result.to);
		}
	});

	it('groups by text, sender and lifetime: one request per combination', async () => {
		const results = await gateway().send([
			sms(0, '+380501000001', 'A'),
			sms(1, '+380501000002', 'B'),
			sms(2, '+380501000003', 'A'),
			sms(3, '+380501000004', 'A', { sender: 'SmsClubTest' }),
			sms(4, '+380501000005', 'A', { validityMinutes: 30 }),
			sms(5, '+380501000006', 'B'),
		]);
		expect(sendRequests()).toHaveLength(4);
		expect(results.every((r) => r.status.status === 'queued')).toBe(true);
		const withLifetime = sendRequests().map((r) => JSON.parse(r.body)).find((b) => b.lifetime !== undefined);
		expect(withLifetime).toEqual({ phone: ['380501000005'], message: 'A', src_addr: 'VashZakaz', lifetime: 30 });
		expect(subject.emulator.ledger.messages.find((m) => m.to === '380501000005')?.validityMinutes).toBe(30);
	});

	it('sends the same text to the same number only once; the repeat is reported as a duplicate', async () => {
		const results = await gateway().send([sms(0, '+380989361131'), sms(1, '+380501000001'), sms(2, '+380989361131')]);
		expect(results[0].status.status).toBe('queued');
		expect(results[1].status.status).toBe('queued');
		expect(results[2]).toMatchObject({ ref: 2, status: { status: 'failed' }, error: { code: 'duplicate', retryable: false, gatewayCode: 453 } });
		expect(subject.emulator.ledger.messages.filter((m) => m.to === '380989361131')).toHaveLength(1);
	});

	it('marks only the recipients the gateway refused in add_info', async () => {
		subject.emulator.faults.inject({ kind: 'partial', path: '/sms/send', phones: ['380501000002'], reason: 'Number is in the stop list' });
		const results = await gateway().send([sms(0, '+380501000001'), sms(1, '+380501000002'), sms(2, '+3805012')]);
		expect(results[0].status.status).toBe('queued');
		expect(results[1]).toMatchObject({
			status: { status: 'failed' },
			error: { code: 'blocked', gatewayMessage: 'Number is in the stop list' },
		});
		expect(results[2].error).toMatchObject({ code: 'invalid_number', gatewayMessage: 'Invalid phone number' });
		expect(subject.emulator.ledger.messages.map((m) => m.to)).toEqual(['380501000001']);
	});

	it('reports an alpha name not on the account as invalid_sender for each recipient', async () => {
		const results = await gateway().send([sms(0, '+380501000001', 'x', { sender: 'Stranger' }), sms(1, '+380501000002', 'x', { sender: 'Stranger' })]);
		for (const result of results) expect(result.error).toMatchObject({ code: 'invalid_sender', gatewayCode: 400 });
		expect(subject.emulator.ledger.messages).toHaveLength(0);
	});

	it('reports a balance that cannot pay as insufficient_funds and sends nothing', async () => {
		subject.emulator.config.balance = 0.5;
		const results = await gateway().send([sms(0, '+380501000001'), sms(1, '+380501000002')]);
		for (const result of results) expect(result.error?.code).toBe('insufficient_funds');
		expect(subject.emulator.ledger.messages).toHaveLength(0);
	});

	it('reports a wrong token as auth_failed without revealing it', async () => {
		const results = await gateway({ token: 'wrong-token-123' }).send([sms(0, '+380501000001')]);
		expect(results[0].error).toMatchObject({ code: 'auth_failed', gatewayCode: 401 });
		expect(JSON.stringify(results)).not.toContain('wrong-token-123');
		await expect(gateway({ token: 'wrong-token-123' }).getBalance()).rejects.toMatchObject({ error: { code: 'auth_failed' } });
	});

	it('stays under the rate limit of about 9 requests a second', async () => {
		const results = await gateway({ realWaits: true }).send(Array.from({ length: 10 }, (_, i) => sms(i, '+380501000001', `text ${i}`)));
		expect(results.every((r) => r.status.status === 'queued')).toBe(true);
		// A 429 would have shown as an eleventh request (its retry).
		expect(sendRequests()).toHaveLength(10);
		const times = sendRequests().map((r) => (r as unknown as { at: number }).at);
		expect(times[9] - times[0]).toBeGreaterThanOrEqual(1000);
	});
});

describe('SMSClub adapter: statuses, balance, senders', () => {
	it('follows queued → sent → delivered and the configured final outcomes', async () => {
		const to = ['+380501000001', '+380501000002', '+380501000003', '+380501000004'];
		subject.emulator.setOutcome('380501000002', 'undelivered');
		subject.emulator.setOutcome('380501000003', 'expired');
		subject.emulator.setOutcome('380501000004', 'rejected');
		const sent = await gateway().send(to.map((phone, i) => sms(i, phone)));
		expect(sent.map((r) => r.status.status)).toEqual(['queued', 'queued', 'queued', 'queued']);
		const ids = sent.map((r) => r.messageId as string);

		const early = await gateway().getStatuses(ids);
		expect(early.map((r) => [r.status.status, r.status.raw])).toEqual(Array(4).fill(['sent', 'ENROUTE']));

		subject.emulator.advance(5000);
		const final = await gateway().getStatuses(ids);
		expect(final.map((r) => r.messageId)).toEqual(ids);
		expect(final.map((r) => [r.status.status, r.status.raw, r.status.final])).toEqual([
			['delivered', 'DELIVRD', true],
			['undelivered', 'UNDELIV', true],
			['expired', 'EXPIRED', true],
			['rejected', 'REJECTD', true],
		]);
	});

	it('reports an id the gateway does not know as unknown, with an error', async () => {
		const [result] = await gateway().getStatuses(['424242']);
		expect(result).toMatchObject({ messageId: '424242', status: { status: 'unknown' }, error: { code: 'invalid_message_id' } });
	});

	it('asks for 250 statuses in 3 requests, one result per id in order', async () => {
		const sent = await gateway().send(numbers(250).map((phone, i) => sms(i, phone)));
		const ids = sent.map((r) => r.messageId as string);
		const statuses = await gateway().getStatuses(ids);
		expect(statusRequests()).toHaveLength(3);
		expect(statuses.map((s) => s.messageId)).toEqual(ids);
		expect(statuses.every((s) => s.status.status === 'sent')).toBe(true);
	});

	it('reads the balance, which goes down by the price of each part', async () => {
		expect(await gateway().getBalance()).toEqual({ amount: 1000, unit: 'UAH' });
		await gateway().send([sms(0, '+380501000001', 'Ж'.repeat(71))]);
		expect(await gateway().getBalance()).toEqual({ amount: 998.3, unit: 'UAH' });
	});

	it('lists the alpha names of the account', async () => {
		expect(await gateway().listSenders()).toEqual(['SmsClubTest', 'VashZakaz']);
	});
});

describe('SMSClub adapter: faults', () => {
	it('retries a 429 after the Retry-After the gateway gives; the message is sent once', async () => {
		subject.emulator.faults.inject({ kind: 'http', status: 429, retryAfter: 7, path: '/sms/send' });
		const [result] = await gateway().send([sms(0, '+380501000001')]);
		expect(result.status.status).toBe('queued');
		expect(retryWaits()).toEqual([7000]);
		expect(sendRequests()).toHaveLength(2);
		expect(subject.emulator.ledger.messages).toHaveLength(1);
	});

	it('retries a 429 without Retry-After after the policy backoff, as for every gateway', async () => {
		subject.emulator.faults.inject({ kind: 'gateway', code: 429, path: '/sms/send' });
		const [result] = await gateway().send([sms(0, '+380501000001')]);
		expect(result.status.status).toBe('queued');
		expect(retryWaits()).toEqual([MIN_RETRY_WAIT_MS]);
		expect(subject.emulator.ledger.messages).toHaveLength(1);
	});

	it('retries 5xx answers with backoff, and gives up as unavailable when they persist', async () => {
		subject.emulator.faults.inject({ kind: 'http', status: 500, path: '/sms/send', times: 2 });
		const [ok] = await gateway().send([sms(0, '+380501000001')]);
		expect(ok.status.status).toBe('queued');
		expect(retryWaits()).toEqual([500, 1000]);

		subject.emulator.faults.inject({ kind: 'gateway', code: 503, path: '/sms/send', times: 3 });
		const [failed] = await gateway().send([sms(1, '+380501000002')]);
		expect(failed.error).toMatchObject({ code: 'unavailable', retryable: true, gatewayCode: 503 });
		expect(subject.emulator.ledger.messages.map((m) => m.to)).toEqual(['380501000001']);
	});

	it('treats an HTML error page as unavailable and retries', async () => {
		subject.emulator.faults.inject({ kind: 'html', status: 502, path: '/sms/send' });
		const [result] = await gateway().send([sms(0, '+380501000001')]);
		expect(result.status.status).toBe('queued');
		expect(sendRequests()).toHaveLength(2);
		expect(subject.emulator.ledger.messages).toHaveLength(1);
	});

	it('never repeats a send whose answer came too late: outcome_unknown, message recorded once', async () => {
		subject.emulator.faults.inject({ kind: 'delay', ms: 600, path: '/sms/send' });
		const [result] = await gateway({ timeoutMs: 150 }).send([sms(0, '+380501000001')]);
		expect(result).toMatchObject({ ref: 0, status: { status: 'unknown' }, error: { code: 'outcome_unknown', retryable: false } });
		expect(sendRequests()).toHaveLength(1);
		expect(subject.emulator.ledger.messages).toHaveLength(1);
		expect(retryWaits()).toEqual([]);
	});

	it.each([
		['whose connection dropped after processing', 'resetAfterProcessing', 1],
		['whose connection was reset, since the client cannot tell how far it got', 'reset', 0],
		['whose 200 answer is unreadable', 'malformed', 1],
	])('never repeats a send %s', async (_how, kind, recorded) => {
		subject.emulator.faults.inject({ kind, path: '/sms/send' });
		const [result] = await gateway().send([sms(0, '+380501000001')]);
		expect(result.error?.code).toBe('outcome_unknown');
		expect(sendRequests()).toHaveLength(1);
		expect(subject.emulator.ledger.messages).toHaveLength(recorded);
	});

	it('retries reads after a late answer, a reset and a malformed answer', async () => {
		const [sent] = await gateway().send([sms(0, '+380501000001')]);
		subject.emulator.faults.inject({ kind: 'delay', ms: 600, path: '/sms/status' });
		const [status] = await gateway({ timeoutMs: 150 }).getStatuses([sent.messageId as string]);
		expect(status.status.status).toBe('sent');
		expect(statusRequests()).toHaveLength(2);

		subject.emulator.faults.inject({ kind: 'reset', path: '/sms/balance' });
		expect((await gateway().getBalance()).unit).toBe('UAH');

		subject.emulator.faults.inject({ kind: 'malformed', path: '/sms/originator' });
		expect(await gateway().listSenders()).toEqual(['SmsClubTest', 'VashZakaz']);
		expect(retryWaits()).toEqual([500, 500, 500]);
	});

	it('marks every id of a status request that keeps failing, without throwing', async () => {
		subject.emulator.faults.inject({ kind: 'gateway', code: 503, path: '/sms/status', times: 3 });
		const results = await gateway().getStatuses(['1', '2']);
		expect(results).toEqual([
			expect.objectContaining({ messageId: '1', status: expect.objectContaining({ status: 'unknown' }), error: expect.objectContaining({ code: 'unavailable' }) }),
			expect.objectContaining({ messageId: '2', error: expect.objectContaining({ code: 'unavailable' }) }),
		]);
	});

	it('throws SmsGatewayError from getBalance when the gateway stays down', async () => {
		subject.emulator.faults.inject({ kind: 'html', status: 503, path: '/sms/balance', times: 3 });
		const error = await gateway().getBalance().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(SmsGatewayError);
		expect((error as SmsGatewayError).error.code).toBe('unavailable');
	});

	it('gives each of many recipients exactly one result when one request of several fails', async () => {
		subject.emulator.faults.inject({ kind: 'gateway', code: 400, path: '/sms/send', message: 'Input validation error' });
		const to = numbers(150);
		const results = await gateway().send(to.map((phone, i) => sms(i, phone)));
		expect(results).toHaveLength(150);
		expect(results.map((r) => r.ref)).toEqual(to.map((_, i) => i));
		const failed = results.filter((r) => r.error);
		expect(failed.length === 100 || failed.length === 50).toBe(true);
		expect(failed.every((r) => r.error?.code === 'bad_request')).toBe(true);
		expect(subject.emulator.ledger.messages).toHaveLength(150 - failed.length);
	});
});

describe('SMSClub definition', () => {
	const { transport } = subject;

	it('uses the documented base URL by default', () => {
		expect(() => smsClubDefinition.create({ token: TOKEN }, transport)).not.toThrow();
		expect(smsClubDefinition.credentialName).toBe('smsClubApi');
	});

	it.each([
		[{ token: '' }, 'auth_failed'],
		[{ token: 'two words' }, 'auth_failed'],
		[{ token: TOKEN, baseUrl: 'http://im.smsclub.mobi' }, 'bad_request'],
	])('refuses unusable credentials %j', (credentials, code) => {
		let caught: unknown;
		try {
			smsClubDefinition.create(credentials, transport);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(SmsGatewayError);
		expect((caught as SmsGatewayError).error.code).toBe(code);
		expect((caught as SmsGatewayError).message).not.toContain(TOKEN);
	});
});
